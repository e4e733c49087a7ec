package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * The confirmation of an executed payment was sent towards procurement; {@code executedAt} is the execution's
 * business time. {@code notTheRoutedErp} is true when an ERP other than the invoice's routed one sent it (recorded,
 * and flagged {@code WRONG_SYSTEM}); null on deliveries recorded before the ledger judged that.
 */
@Revision("2")
public record PaymentConfirmationDelivered(InvoiceId invoiceId, LegalEntityId legalEntity,
        String paymentReference, Instant executedAt,
        SystemId reportingSystem, Instant occurredAt, Boolean notTheRoutedErp) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
