package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.shared.Money;

import java.time.Instant;

/** The payments of the invoice add up to more than its gross amount; raised once, by the payment that crossed it. */
@Revision("1")
public record InvoiceOverpaymentFlagged(InvoiceId invoiceId, LegalEntityId legalEntity,
        String paymentReference, Money totalPaid, Money gross, Money excess,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
