package org.integrationledger.query.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.ExceptionStatus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Row of {@code invoice_exception_view}: one invoice exception in its work queue, open or resolved, as
 * {@link InvoiceFold} left it ({@link InvoiceExceptionState}).
 */
@Entity
@Table(name = "invoice_exception_view")
class InvoiceExceptionView {

    @Id
    @Column(name = "exception_id")
    private String exceptionId;
    @Column(name = "invoice_id", nullable = false)
    private String invoiceId;
    @Column(name = "exception_number", nullable = false)
    private int exceptionNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private ExceptionKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ExceptionStatus status;
    @Column(name = "queue", nullable = false)
    private String queue;
    @Column(name = "region", nullable = false)
    private String region;
    @Column(name = "legal_entity", nullable = false)
    private String legalEntity;
    @Column(name = "supplier_id", nullable = false)
    private String supplierId;
    @Column(name = "purchase_order_id", nullable = false)
    private String purchaseOrderId;
    @Column(name = "currency", nullable = false)
    private String currency;
    @Column(name = "gross_amount", nullable = false)
    private BigDecimal grossAmount;
    @Column(name = "variance_amount")
    private BigDecimal varianceAmount;
    @Column(name = "detail")
    private String detail;
    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution")
    private ExceptionResolution resolution;
    @Column(name = "resolved_by")
    private String resolvedBy;
    @Column(name = "resolution_reason")
    private String resolutionReason;

    protected InvoiceExceptionView() {
    }

    InvoiceExceptionView(InvoiceExceptionState state) {
        this.exceptionId = state.exceptionId();
        write(state);
    }

    /** The row as the fold's state. */
    InvoiceExceptionState state() {
        return new InvoiceExceptionState(exceptionId, invoiceId, exceptionNumber, kind, status, queue, region,
                legalEntity, supplierId, purchaseOrderId, currency, grossAmount, varianceAmount, detail, raisedAt,
                resolvedAt, resolution, resolvedBy, resolutionReason);
    }

    /** Takes the fold's new state; a managed row is then written when the processor's batch commits. */
    void write(InvoiceExceptionState state) {
        invoiceId = state.invoiceId();
        exceptionNumber = state.exceptionNumber();
        kind = state.kind();
        status = state.status();
        queue = state.queue();
        region = state.region();
        legalEntity = state.legalEntity();
        supplierId = state.supplierId();
        purchaseOrderId = state.purchaseOrderId();
        currency = state.currency();
        grossAmount = state.grossAmount();
        varianceAmount = state.varianceAmount();
        detail = state.detail();
        raisedAt = state.raisedAt();
        resolvedAt = state.resolvedAt();
        resolution = state.resolution();
        resolvedBy = state.resolvedBy();
        resolutionReason = state.resolutionReason();
    }
}
