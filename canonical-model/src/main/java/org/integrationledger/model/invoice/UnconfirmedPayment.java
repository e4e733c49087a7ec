package org.integrationledger.model.invoice;

import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An executed payment still waiting for procurement's acknowledgment, and for how long (business time to now);
 * {@code confirmationDeliveredAt} tells whether the confirmation was at least sent (null: not even that).
 */
public record UnconfirmedPayment(InvoiceId invoiceId, String paymentReference, SupplierId supplier,
                                 LegalEntityId legalEntity, Money amount, LocalDate valueDate, Instant executedAt,
                                 Instant confirmationDeliveredAt, long waitingSeconds) {
}
