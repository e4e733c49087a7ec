package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.util.List;
import java.time.Instant;

/** The tax engine failed the invoice with reason codes known for the legal entity's tax regime. */
@Revision("1")
public record InvoiceTaxValidationFailed(InvoiceId invoiceId, LegalEntityId legalEntity,
        String taxRegime, String region, List<String> reasonCodes, String detail,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
