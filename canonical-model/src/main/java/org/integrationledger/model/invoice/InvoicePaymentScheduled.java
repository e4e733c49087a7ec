package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.shared.Money;

import java.time.LocalDate;
import java.time.Instant;

/**
 * A payment of the invoice was scheduled for {@code dueDate}. {@code notTheRoutedErp} is true when an ERP other
 * than the invoice's routed one scheduled it (recorded, and flagged {@code WRONG_SYSTEM}); null on schedules
 * recorded before the ledger judged that.
 */
@Revision("2")
public record InvoicePaymentScheduled(InvoiceId invoiceId, LegalEntityId legalEntity,
        String paymentReference, Money amount, LocalDate dueDate,
        SystemId reportingSystem, Instant occurredAt, Boolean notTheRoutedErp) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
