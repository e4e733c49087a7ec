package org.integrationledger.query.invoice;

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

/**
 * One invoice exception in its work queue, open or resolved (a row of {@code invoice_exception_view}), immutable, its
 * kind, status and resolution as enums; values in the form the table stores them.
 */
record InvoiceExceptionState(String exceptionId, String invoiceId, int exceptionNumber, ExceptionKind kind,
                             ExceptionStatus status, String queue, String region, String legalEntity,
                             String supplierId, String purchaseOrderId, String currency, BigDecimal grossAmount,
                             BigDecimal varianceAmount, String detail, Instant raisedAt, Instant resolvedAt,
                             ExceptionResolution resolution, String resolvedBy, String resolutionReason)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int DETAIL_LENGTH = 2000;

    /** The exception's id in the queue: {@code <invoiceId>/<n>}. */
    static String idOf(InvoiceId invoiceId, int exceptionNumber) {
        return invoiceId.value() + "/" + exceptionNumber;
    }

    /** An exception no event has raised yet. */
    static InvoiceExceptionState initial(String exceptionId) {
        return new InvoiceExceptionState(exceptionId, null, 0, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** Open in its queue; the variance is the one of the moment it was raised, the detail cut to its column. */
    InvoiceExceptionState raised(InvoiceExceptionRaised event) {
        String detail = event.detail() == null || event.detail().length() <= DETAIL_LENGTH ? event.detail()
                : event.detail().substring(0, DETAIL_LENGTH - 3) + "...";
        return new InvoiceExceptionState(exceptionId, event.invoiceId().value(), event.exceptionNumber(),
                event.kind(), ExceptionStatus.OPEN, event.queue(), event.region(), event.legalEntity().value(),
                event.supplier().value(), event.purchaseOrderId().value(), event.gross().currency().value(),
                event.gross().amount(), event.varianceAmount() == null ? null : event.varianceAmount().amount(),
                detail, event.occurredAt(), resolvedAt, resolution, resolvedBy, resolutionReason);
    }

    InvoiceExceptionState resolved(InvoiceExceptionResolved event) {
        return new InvoiceExceptionState(exceptionId, invoiceId, exceptionNumber, kind, ExceptionStatus.RESOLVED,
                queue, region, legalEntity, supplierId, purchaseOrderId, currency, grossAmount, varianceAmount,
                detail, raisedAt, event.occurredAt(), event.resolution(), event.resolvedBy(), event.reason());
    }

    /** The row as one line of text for checksums of the table: decimals without trailing zeros. */
    String canonicalLine() {
        return String.join("|", exceptionId, invoiceId, String.valueOf(exceptionNumber), kind.name(), status.name(),
                queue, region, legalEntity, supplierId, purchaseOrderId, currency,
                InvoiceViewState.decimal(grossAmount), InvoiceViewState.decimal(varianceAmount),
                String.valueOf(detail), String.valueOf(raisedAt), String.valueOf(resolvedAt),
                String.valueOf(resolution), String.valueOf(resolvedBy), String.valueOf(resolutionReason));
    }

    /** The contract's answer; the age runs from the raise to the resolution, or to {@code now} while open. */
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
