package org.integrationledger.query.invoice;

import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.UnconfirmedPayment;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment of an invoice, scheduled, executed and confirmed (a row of {@code invoice_payment_view}), immutable;
 * values in the form the table stores them.
 */
record InvoicePaymentState(String paymentId, String invoiceId, String paymentReference, String supplierId,
                           String legalEntity, String currency, BigDecimal amount, LocalDate dueDate,
                           LocalDate valueDate, Instant executedAt, Instant confirmationDeliveredAt,
                           Instant confirmationAcknowledgedAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static String idOf(String invoiceId, String paymentReference) {
        return invoiceId + "/" + paymentReference;
    }

    /** A payment first named by an event: the invoice's supplier, the legal entity the event names. */
    static InvoicePaymentState first(String invoiceId, String paymentReference, String supplierId,
                                     String legalEntity) {
        return new InvoicePaymentState(idOf(invoiceId, paymentReference), invoiceId, paymentReference, supplierId,
                legalEntity, null, null, null, null, null, null, null);
    }

    /** A schedule after the execution changes the due date only: the executed amount stands. */
    InvoicePaymentState scheduled(Money scheduledAmount, LocalDate due) {
        boolean executed = executedAt != null;
        return new InvoicePaymentState(paymentId, invoiceId, paymentReference, supplierId, legalEntity,
                executed ? currency : scheduledAmount.currency().value(),
                executed ? amount : scheduledAmount.amount(), due, valueDate, executedAt, confirmationDeliveredAt,
                confirmationAcknowledgedAt);
    }

    InvoicePaymentState executed(Money executedAmount, LocalDate value, Instant at) {
        return new InvoicePaymentState(paymentId, invoiceId, paymentReference, supplierId, legalEntity,
                executedAmount.currency().value(), executedAmount.amount(), dueDate, value, at,
                confirmationDeliveredAt, confirmationAcknowledgedAt);
    }

    /** The first delivery of the confirmation is the one that counts. */
    InvoicePaymentState delivered(Instant at) {
        if (confirmationDeliveredAt != null) {
            return this;
        }
        return new InvoicePaymentState(paymentId, invoiceId, paymentReference, supplierId, legalEntity, currency,
                amount, dueDate, valueDate, executedAt, at, confirmationAcknowledgedAt);
    }

    boolean isAcknowledged() {
        return confirmationAcknowledgedAt != null;
    }

    /** The first acknowledgment is the one that counts; a repeated one changes nothing. */
    InvoicePaymentState acknowledged(Instant at) {
        if (isAcknowledged()) {
            return this;
        }
        return new InvoicePaymentState(paymentId, invoiceId, paymentReference, supplierId, legalEntity, currency,
                amount, dueDate, valueDate, executedAt, confirmationDeliveredAt, at);
    }

    /** The row as one line of text for checksums of the table: decimals without trailing zeros. */
    String canonicalLine() {
        return String.join("|", paymentId, invoiceId, paymentReference, supplierId, legalEntity, currency,
                InvoiceViewState.decimal(amount), String.valueOf(dueDate), String.valueOf(valueDate),
                String.valueOf(executedAt), String.valueOf(confirmationDeliveredAt),
                String.valueOf(confirmationAcknowledgedAt));
    }

    /** Question 4's answer; the wait runs from the execution's business time to {@code now}. */
    UnconfirmedPayment toUnconfirmed(Instant now) {
        return new UnconfirmedPayment(InvoiceId.of(invoiceId), paymentReference, SupplierId.of(supplierId),
                LegalEntityId.of(legalEntity), new Money(amount, CurrencyCode.of(currency)), valueDate, executedAt,
                confirmationDeliveredAt, Math.max(0, Duration.between(executedAt, now).toSeconds()));
    }
}
