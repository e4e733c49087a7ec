package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** A posting rejection older (in business time) than the posting already acknowledged: a late message, recorded, not applied. */
@Revision("1")
public record StaleInvoicePostingRejectionRecorded(InvoiceId invoiceId, LegalEntityId legalEntity,
        String reasonCode, String reason, Instant postedAt,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
