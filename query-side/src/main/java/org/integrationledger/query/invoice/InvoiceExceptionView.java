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
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceExceptionSummary;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Row of {@code invoice_exception_view}: one invoice exception in its work queue, open or resolved. */
@Entity
@Table(name = "invoice_exception_view")
class InvoiceExceptionView implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

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

    InvoiceExceptionView(String exceptionId) {
        this.exceptionId = exceptionId;
    }

    static String idOf(InvoiceId invoiceId, int exceptionNumber) {
        return invoiceId.value() + "/" + exceptionNumber;
    }

    void raised(InvoiceExceptionRaised event) {
        invoiceId = event.invoiceId().value();
        exceptionNumber = event.exceptionNumber();
        kind = event.kind();
        status = ExceptionStatus.OPEN;
        queue = event.queue();
        region = event.region();
        legalEntity = event.legalEntity().value();
        supplierId = event.supplier().value();
        purchaseOrderId = event.purchaseOrderId().value();
        currency = event.gross().currency().value();
        grossAmount = event.gross().amount();
        varianceAmount = event.varianceAmount() == null ? null : event.varianceAmount().amount();
        detail = event.detail() == null || event.detail().length() <= 2000 ? event.detail()
                : event.detail().substring(0, 1997) + "...";
        raisedAt = event.occurredAt();
    }

    void resolved(InvoiceExceptionResolved event) {
        status = ExceptionStatus.RESOLVED;
        resolvedAt = event.occurredAt();
        resolution = event.resolution();
        resolvedBy = event.resolvedBy();
        resolutionReason = event.reason();
    }

    String exceptionId() {
        return exceptionId;
    }

    String canonicalLine() {
        return String.join("|", exceptionId, invoiceId, String.valueOf(exceptionNumber), kind.name(), status.name(),
                queue, region, legalEntity, supplierId, purchaseOrderId, currency, InvoiceView.decimal(grossAmount),
                InvoiceView.decimal(varianceAmount), String.valueOf(detail), String.valueOf(raisedAt),
                String.valueOf(resolvedAt), String.valueOf(resolution), String.valueOf(resolvedBy),
                String.valueOf(resolutionReason));
    }

    InvoiceExceptionSummary toSummary(Instant now) {
        CurrencyCode code = CurrencyCode.of(currency);
        Instant until = resolvedAt != null ? resolvedAt : now;
        return new InvoiceExceptionSummary(exceptionId, InvoiceId.of(invoiceId), exceptionNumber, kind, status, queue,
                region, LegalEntityId.of(legalEntity), SupplierId.of(supplierId), PurchaseOrderId.of(purchaseOrderId),
                new Money(grossAmount, code), varianceAmount == null ? null : new Money(varianceAmount, code), detail,
                raisedAt, Math.max(0, Duration.between(raisedAt, until).toSeconds()), resolvedAt, resolution,
                resolvedBy, resolutionReason);
    }
}
