package org.integrationledger.query.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

/** Row of {@code invoice_payment_view}: one payment of an invoice, scheduled, executed and confirmed. */
@Entity
@Table(name = "invoice_payment_view")
class InvoicePaymentView implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

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

    InvoicePaymentView(String invoiceId, String paymentReference, String supplierId, String legalEntity) {
        this.paymentId = idOf(invoiceId, paymentReference);
        this.invoiceId = invoiceId;
        this.paymentReference = paymentReference;
        this.supplierId = supplierId;
        this.legalEntity = legalEntity;
    }

    static String idOf(String invoiceId, String paymentReference) {
        return invoiceId + "/" + paymentReference;
    }

    void scheduled(Money scheduledAmount, LocalDate due) {
        if (executedAt == null) {
            currency = scheduledAmount.currency().value();
            amount = scheduledAmount.amount();
        }
        dueDate = due;
    }

    void executed(Money executedAmount, LocalDate value, Instant at) {
        currency = executedAmount.currency().value();
        amount = executedAmount.amount();
        valueDate = value;
        executedAt = at;
    }

    void delivered(Instant at) {
        if (confirmationDeliveredAt == null) {
            confirmationDeliveredAt = at;
        }
    }

    /** Returns whether this acknowledgment is the first for the payment (a repeated one changes nothing). */
    boolean acknowledged(Instant at) {
        if (confirmationAcknowledgedAt != null) {
            return false;
        }
        confirmationAcknowledgedAt = at;
        return true;
    }

    String paymentId() {
        return paymentId;
    }

    String canonicalLine() {
        return String.join("|", paymentId, invoiceId, paymentReference, supplierId, legalEntity, currency,
                InvoiceView.decimal(amount), String.valueOf(dueDate), String.valueOf(valueDate),
                String.valueOf(executedAt), String.valueOf(confirmationDeliveredAt),
                String.valueOf(confirmationAcknowledgedAt));
    }

    UnconfirmedPayment toUnconfirmed(Instant now) {
        return new UnconfirmedPayment(InvoiceId.of(invoiceId), paymentReference, SupplierId.of(supplierId),
                LegalEntityId.of(legalEntity), new Money(amount, CurrencyCode.of(currency)), valueDate, executedAt,
                confirmationDeliveredAt, Math.max(0, Duration.between(executedAt, now).toSeconds()));
    }
}
