package org.integrationledger.query.invoice;

import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceControlViolated;
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
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.invoice.TaxStatus;
import org.integrationledger.query.fold.Fold;

import java.time.Instant;
import java.util.List;

/**
 * The rules of the invoice views (the invoice across systems, its exceptions in their queues, its payments), per
 * event. Every event counts as activity of the invoice (business time, recorded time, event count).
 */
final class InvoiceFold implements Fold<InvoiceEvent, InvoiceStates>,
        InvoiceEvent.Visitor<InvoiceStates, InvoiceStates> {

    @Override
    public Class<InvoiceEvent> events() {
        return InvoiceEvent.class;
    }

    @Override
    public String key(InvoiceEvent event) {
        return event.invoiceId().value();
    }

    @Override
    public InvoiceStates initial(String key) {
        return InvoiceStates.initial(key);
    }

    @Override
    public InvoiceStates apply(InvoiceStates state, InvoiceEvent event, Instant recordedAt) {
        InvoiceStates next = event.accept(this, state);
        return next.invoice(next.invoice().touched(event.occurredAt(), recordedAt));
    }

    @Override
    public InvoiceStates on(InvoiceReceived event, InvoiceStates invoice) {
        return invoice.invoice(row -> row.received(event));
    }

    @Override
    public InvoiceStates on(InvoiceMatched event, InvoiceStates invoice) {
        return invoice.invoice(row -> row.matched(MatchStatus.MATCHED, LineMatchText.encode(event.lines()), null));
    }

    @Override
    public InvoiceStates on(InvoiceMatchVarianceFound event, InvoiceStates invoice) {
        return invoice.invoice(row -> row.matched(MatchStatus.VARIANCE, LineMatchText.encode(event.lines()),
                event.varianceAmount().amount()));
    }

    @Override
    public InvoiceStates on(InvoiceTaxValidated event, InvoiceStates invoice) {
        return invoice.invoice(row -> row.tax(TaxStatus.VALIDATED, List.of()));
    }

    @Override
    public InvoiceStates on(InvoiceTaxValidationFailed event, InvoiceStates invoice) {
        return invoice.invoice(row -> row.tax(TaxStatus.FAILED, event.reasonCodes()));
    }

    @Override
    public InvoiceStates on(InvoiceExceptionRaised event, InvoiceStates invoice) {
        return invoice.exception(InvoiceExceptionState.idOf(event.invoiceId(), event.exceptionNumber()),
                        exception -> exception.raised(event))
                .invoice(row -> row.exceptionOpen(event.kind(), true));
    }

    /** An override settles what the exception was about: the match or the tax status becomes OVERRIDDEN. */
    @Override
    public InvoiceStates on(InvoiceExceptionResolved event, InvoiceStates invoice) {
        InvoiceStates next = invoice.exception(InvoiceExceptionState.idOf(event.invoiceId(), event.exceptionNumber()),
                        exception -> exception.resolved(event))
                .invoice(row -> row.exceptionOpen(event.kind(), false));
        if (event.resolution() != ExceptionResolution.OVERRIDE) {
            return next;
        }
        return next.invoice(row -> overridden(row, event.kind()));
    }

    /** What an override settles is the exception kind's to say ({@link ExceptionKind#overrideSettles()}). */
    private static InvoiceViewState overridden(InvoiceViewState invoice, ExceptionKind kind) {
        return switch (kind.overrideSettles()) {
            case MATCH -> invoice.matchStatus(MatchStatus.OVERRIDDEN);
            case TAX_STATUS -> invoice.taxStatus(TaxStatus.OVERRIDDEN);
            case NOTHING -> invoice;
        };
    }

    @Override
    public InvoiceStates on(InvoicePostedInErp event, InvoiceStates invoice) {
        return invoice.invoice(row -> row.posted(event.erpDocumentNumber(), event.fiscalPeriod()));
    }

    @Override
    public InvoiceStates on(InvoicePostingControlViolated event, InvoiceStates invoice) {
        return invoice.invoice(InvoiceViewState::postingControlViolated);
    }

    @Override
    public InvoiceStates on(InvoicePostingRejected event, InvoiceStates invoice) {
        return invoice.invoice(row -> row.postingRejected(event.reasonCode() + ": " + event.reason()));
    }

    /** A rejection older than the posting the ERP acknowledged is kept for the record; it only counts as activity. */
    @Override
    public InvoiceStates on(StaleInvoicePostingRejectionRecorded event, InvoiceStates invoice) {
        return invoice;
    }

    @Override
    public InvoiceStates on(InvoicePaymentScheduled event, InvoiceStates invoice) {
        InvoiceStates next = invoice.invoice(row -> row.paymentScheduled(event.amount().amount()));
        return next.withPayment(next.payment(event.legalEntity().value(), event.paymentReference())
                .scheduled(event.amount(), event.dueDate()));
    }

    @Override
    public InvoiceStates on(InvoicePaymentExecuted event, InvoiceStates invoice) {
        InvoiceStates next = invoice.invoice(row -> row.paymentExecuted(event.totalPaid().amount()));
        return next.withPayment(next.payment(event.legalEntity().value(), event.paymentReference())
                .executed(event.amount(), event.valueDate(), event.occurredAt()));
    }

    @Override
    public InvoiceStates on(InvoiceOverpaymentFlagged event, InvoiceStates invoice) {
        return invoice.invoice(InvoiceViewState::overpaymentFlagged);
    }

    @Override
    public InvoiceStates on(PaymentConfirmationDelivered event, InvoiceStates invoice) {
        return invoice.withPayment(invoice.payment(event.legalEntity().value(), event.paymentReference())
                .delivered(event.occurredAt()));
    }

    /** Only the first acknowledgment of a payment leaves one payment fewer awaiting it. */
    @Override
    public InvoiceStates on(PaymentConfirmationAcknowledged event, InvoiceStates invoice) {
        InvoicePaymentState payment = invoice.payment(event.legalEntity().value(), event.paymentReference());
        InvoiceStates next = invoice.withPayment(payment.acknowledged(event.occurredAt()));
        return payment.isAcknowledged() ? next : next.invoice(InvoiceViewState::confirmationAcknowledged);
    }

    /** Listed by the reconciliation view's duplicates (question 8); here it only counts as activity. */
    @Override
    public InvoiceStates on(DuplicateInvoiceSubmissionCaught event, InvoiceStates invoice) {
        return invoice;
    }

    /**
     * The controls report lists finance-control violations; here it only counts as activity (a payment in another
     * currency is on the payment's own row, in its currency, and not in the invoice's total paid).
     */
    @Override
    public InvoiceStates on(InvoiceControlViolated event, InvoiceStates invoice) {
        return invoice;
    }
}
