package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Procurement acknowledged the confirmation of an executed payment; {@code executedAt} is when treasury reported the execution (business time). */
@Revision("1")
public record PaymentConfirmationAcknowledged(InvoiceId invoiceId, LegalEntityId legalEntity,
        String paymentReference, Instant executedAt,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
