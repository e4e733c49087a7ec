package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.LocalDate;
import java.time.Instant;

/** Treasury executed a payment; {@code totalPaid} adds up every payment of the invoice so far, against its {@code gross}. */
@Revision("1")
public record InvoicePaymentExecuted(InvoiceId invoiceId, LegalEntityId legalEntity,
        SupplierId supplier, String paymentReference, Money amount, LocalDate valueDate, Money totalPaid, Money gross,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
