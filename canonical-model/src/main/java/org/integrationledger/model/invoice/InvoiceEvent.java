package org.integrationledger.model.invoice;

import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * Every fact recorded about an invoice (and its payments) names the invoice, its legal entity, the reporting
 * system and the business time, so SLA and reconciliation views can key on them without joining. The legal
 * entity is null only on an ERP report that arrived before procurement reported the invoice.
 */
public sealed interface InvoiceEvent permits InvoiceReceived, InvoiceMatched, InvoiceMatchVarianceFound,
        InvoiceTaxValidated, InvoiceTaxValidationFailed, InvoiceExceptionRaised, InvoiceExceptionResolved,
        InvoicePostedInErp, InvoicePostingControlViolated, InvoicePostingRejected,
        StaleInvoicePostingRejectionRecorded, InvoicePaymentScheduled, InvoicePaymentExecuted,
        InvoiceOverpaymentFlagged, PaymentConfirmationDelivered, PaymentConfirmationAcknowledged,
        DuplicateInvoiceSubmissionCaught, InvoiceControlViolated {

    InvoiceId invoiceId();

    LegalEntityId legalEntity();

    SystemId reportingSystem();

    /** Business time: when it happened in the reporting system (not when the ledger recorded it). */
    Instant occurredAt();

    /**
     * Answers what {@code visitor} makes of this event, given {@code argument} (a fold passes the state it folds
     * into). Every event record calls its own {@code on}, so dispatch needs no type test.
     */
    <R, A> R accept(Visitor<R, A> visitor, A argument);

    /**
     * One method per event of the family, none with a default: adding an event to the family fails compilation of
     * every visitor (every read model) until it says what the new event does, even if that is nothing.
     *
     * @param <R> what the visitor answers (a fold: the new state)
     * @param <A> what it is given beside the event (a fold: the state before)
     */
    interface Visitor<R, A> {

        R on(InvoiceReceived event, A argument);

        R on(InvoiceMatched event, A argument);

        R on(InvoiceMatchVarianceFound event, A argument);

        R on(InvoiceTaxValidated event, A argument);

        R on(InvoiceTaxValidationFailed event, A argument);

        R on(InvoiceExceptionRaised event, A argument);

        R on(InvoiceExceptionResolved event, A argument);

        R on(InvoicePostedInErp event, A argument);

        R on(InvoicePostingControlViolated event, A argument);

        R on(InvoicePostingRejected event, A argument);

        R on(StaleInvoicePostingRejectionRecorded event, A argument);

        R on(InvoicePaymentScheduled event, A argument);

        R on(InvoicePaymentExecuted event, A argument);

        R on(InvoiceOverpaymentFlagged event, A argument);

        R on(PaymentConfirmationDelivered event, A argument);

        R on(PaymentConfirmationAcknowledged event, A argument);

        R on(DuplicateInvoiceSubmissionCaught event, A argument);

        R on(InvoiceControlViolated event, A argument);
    }
}
