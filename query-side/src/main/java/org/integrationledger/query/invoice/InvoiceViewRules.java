package org.integrationledger.query.invoice;

import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.TaxStatus;

import java.time.Instant;
import java.util.List;

/**
 * How each invoice event changes the invoice views. The live projection and the rebuild both come here, so a
 * rebuilt table is computed by exactly the rules that built the live one.
 */
final class InvoiceViewRules {

    private InvoiceViewRules() {
    }

    static void apply(InvoiceEvent event, Instant recordedAt, InvoiceRows rows) {
        InvoiceView invoice = rows.invoice(event.invoiceId().value());
        if (event instanceof InvoiceReceived received) {
            invoice.received(received);
        } else if (event instanceof InvoiceMatched matched) {
            invoice.matched(MatchStatus.MATCHED, LineMatchText.encode(matched.lines()), null);
        } else if (event instanceof InvoiceMatchVarianceFound variance) {
            invoice.matched(MatchStatus.VARIANCE, LineMatchText.encode(variance.lines()),
                    variance.varianceAmount().amount());
        } else if (event instanceof InvoiceTaxValidated) {
            invoice.tax(TaxStatus.VALIDATED, List.of());
        } else if (event instanceof InvoiceTaxValidationFailed failed) {
            invoice.tax(TaxStatus.FAILED, failed.reasonCodes());
        } else if (event instanceof InvoiceExceptionRaised raised) {
            rows.exception(InvoiceExceptionView.idOf(raised.invoiceId(), raised.exceptionNumber())).raised(raised);
            invoice.exceptionOpened(raised.kind());
        } else if (event instanceof InvoiceExceptionResolved resolved) {
            rows.exception(InvoiceExceptionView.idOf(resolved.invoiceId(), resolved.exceptionNumber()))
                    .resolved(resolved);
            invoice.exceptionClosed(resolved.kind());
            if (resolved.resolution() == ExceptionResolution.OVERRIDE) {
                invoice.overridden(resolved.kind());
            }
        } else if (event instanceof InvoicePostedInErp posted) {
            invoice.posted(posted.erpDocumentNumber(), posted.fiscalPeriod());
        } else if (event instanceof InvoicePostingControlViolated) {
            invoice.postingControlViolated();
        } else if (event instanceof InvoicePostingRejected rejected) {
            invoice.postingRejected(rejected.reasonCode() + ": " + rejected.reason());
        } else if (event instanceof InvoicePaymentScheduled scheduled) {
            invoice.paymentScheduled(scheduled.amount().amount());
            rows.payment(invoice, scheduled.legalEntity().value(), scheduled.paymentReference())
                    .scheduled(scheduled.amount(), scheduled.dueDate());
        } else if (event instanceof InvoicePaymentExecuted executed) {
            invoice.paymentExecuted(executed.totalPaid().amount());
            rows.payment(invoice, executed.legalEntity().value(), executed.paymentReference())
                    .executed(executed.amount(), executed.valueDate(), executed.occurredAt());
        } else if (event instanceof InvoiceOverpaymentFlagged) {
            invoice.overpaymentFlagged();
        } else if (event instanceof PaymentConfirmationDelivered delivered) {
            rows.payment(invoice, delivered.legalEntity().value(), delivered.paymentReference())
                    .delivered(delivered.occurredAt());
        } else if (event instanceof PaymentConfirmationAcknowledged acknowledged) {
            if (rows.payment(invoice, acknowledged.legalEntity().value(), acknowledged.paymentReference())
                    .acknowledged(acknowledged.occurredAt())) {
                invoice.confirmationAcknowledged();
            }
        }
        // Stale posting rejections are kept for the record; they only count as activity.
        invoice.touched(event.occurredAt(), recordedAt);
    }
}
