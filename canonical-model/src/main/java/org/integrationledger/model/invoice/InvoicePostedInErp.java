package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The routed ERP posted the invoice under {@code erpDocumentNumber} in {@code fiscalPeriod}. */
@Revision("1")
public record InvoicePostedInErp(InvoiceId invoiceId, LegalEntityId legalEntity,
        String erpDocumentNumber, String fiscalPeriod,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
