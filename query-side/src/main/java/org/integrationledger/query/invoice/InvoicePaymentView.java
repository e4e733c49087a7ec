package org.integrationledger.query.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Row of {@code invoice_payment_view}: one payment of an invoice, scheduled, executed and confirmed, as
 * {@link InvoiceFold} left it ({@link InvoicePaymentState}).
 */
@Entity
@Table(name = "invoice_payment_view")
class InvoicePaymentView {

    @Id
    @Column(name = "payment_id")
    private String paymentId;
    @Column(name = "invoice_id", nullable = false)
    private String invoiceId;
    @Column(name = "payment_reference", nullable = false)
    private String paymentReference;
    @Column(name = "supplier_id", nullable = false)
    private String supplierId;
    @Column(name = "legal_entity", nullable = false)
    private String legalEntity;
    @Column(name = "currency", nullable = false)
    private String currency;
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Column(name = "value_date")
    private LocalDate valueDate;
    @Column(name = "executed_at")
    private Instant executedAt;
    @Column(name = "confirmation_delivered_at")
    private Instant confirmationDeliveredAt;
    @Column(name = "confirmation_acknowledged_at")
    private Instant confirmationAcknowledgedAt;

    protected InvoicePaymentView() {
    }

    InvoicePaymentView(InvoicePaymentState state) {
        this.paymentId = state.paymentId();
        write(state);
    }

    /** The row as the fold's state. */
    InvoicePaymentState state() {
        return new InvoicePaymentState(paymentId, invoiceId, paymentReference, supplierId, legalEntity, currency,
                amount, dueDate, valueDate, executedAt, confirmationDeliveredAt, confirmationAcknowledgedAt);
    }

    /** Takes the fold's new state; a managed row is then written when the processor's batch commits. */
    void write(InvoicePaymentState state) {
        invoiceId = state.invoiceId();
        paymentReference = state.paymentReference();
        supplierId = state.supplierId();
        legalEntity = state.legalEntity();
        currency = state.currency();
        amount = state.amount();
        dueDate = state.dueDate();
        valueDate = state.valueDate();
        executedAt = state.executedAt();
        confirmationDeliveredAt = state.confirmationDeliveredAt();
        confirmationAcknowledgedAt = state.confirmationAcknowledgedAt();
    }
}
