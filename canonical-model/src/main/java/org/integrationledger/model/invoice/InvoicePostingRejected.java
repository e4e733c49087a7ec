package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The routed ERP refused to post the invoice; a posting-failure exception is raised with it. */
@Revision("1")
public record InvoicePostingRejected(InvoiceId invoiceId, LegalEntityId legalEntity,
        String reasonCode, String reason,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
