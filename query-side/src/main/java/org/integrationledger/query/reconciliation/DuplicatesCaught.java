package org.integrationledger.query.reconciliation;

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
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.reconciliation.DuplicateOutcome;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.integrationledger.query.fold.Envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * The duplicates caught (question 8) among a supplier's or an invoice's events: a refused duplicate supplier request
 * or invoice submission, recorded on the original; a duplicate suspicion, recorded on the suspect, and its
 * resolution. Every row and every change of one is made by an event of the document whose state keeps it, so the
 * rows fold with that document. A visitor answers the rows after the event, the same list when it caught nothing.
 */
final class DuplicatesCaught implements InvoiceEvent.Visitor<List<DuplicateRow>, DuplicatesCaught.Caught>,
        SupplierEvent.Visitor<List<DuplicateRow>, DuplicatesCaught.Caught> {

    /** The rows caught before the event, and how the event was recorded (its id keys a new row). */
    record Caught(List<DuplicateRow> rows, Envelope recorded) {
    }

    @Override
    public List<DuplicateRow> on(InvoiceReceived event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoiceMatched event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoiceMatchVarianceFound event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoiceTaxValidated event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoiceTaxValidationFailed event, Caught caught) {
        return caught.rows();
    }

    /** A duplicate suspicion lists each suspected original, open until the exception is resolved. */
    @Override
    public List<DuplicateRow> on(InvoiceExceptionRaised raised, Caught caught) {
        if (raised.kind() != ExceptionKind.DUPLICATE_SUSPICION || raised.suspectedDuplicateOf().isEmpty()) {
            return caught.rows();
        }
        List<DuplicateRow> rows = new ArrayList<>(caught.rows());
        for (int n = 0; n < raised.suspectedDuplicateOf().size(); n++) {
            rows.add(DuplicateRow.suspected(raised, n, caught.recorded()));
        }
        return rows;
    }

    /**
     * Resolving a duplicate suspicion gives the invoice's open suspected duplicates their outcome: accepted by an
     * override, corrected otherwise.
     */
    @Override
    public List<DuplicateRow> on(InvoiceExceptionResolved resolved, Caught caught) {
        if (resolved.kind() != ExceptionKind.DUPLICATE_SUSPICION) {
            return caught.rows();
        }
        DuplicateOutcome outcome = resolved.resolution() == ExceptionResolution.OVERRIDE
                ? DuplicateOutcome.ACCEPTED_BY_OVERRIDE : DuplicateOutcome.CORRECTED;
        String by = resolved.resolvedBy() == null ? resolved.reportingSystem().value() : resolved.resolvedBy();
        String suffix = "; resolved " + resolved.occurredAt() + " by " + by
                + (resolved.reason() == null ? "" : ": " + resolved.reason());
        String invoice = resolved.invoiceId().value();
        if (caught.rows().stream().noneMatch(row -> row.openSuspicionOf(invoice))) {
            return caught.rows();
        }
        return caught.rows().stream()
                .map(row -> row.openSuspicionOf(invoice) ? row.resolved(outcome, suffix) : row).toList();
    }

    @Override
    public List<DuplicateRow> on(InvoicePostedInErp event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoicePostingControlViolated event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoicePostingRejected event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(StaleInvoicePostingRejectionRecorded event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoicePaymentScheduled event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoicePaymentExecuted event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(InvoiceOverpaymentFlagged event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(PaymentConfirmationDelivered event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(PaymentConfirmationAcknowledged event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(DuplicateInvoiceSubmissionCaught refused, Caught caught) {
        return with(caught, DuplicateRow.refused(refused, caught.recorded()));
    }

    @Override
    public List<DuplicateRow> on(InvoiceControlViolated event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierRequested event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierRequestApproved event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierRequestRejected event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(GoldenRecordCreated event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierDetailsChanged event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(BankAccountChangeProposed event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(BankAccountChangeApproved event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierBlocked event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierUnblocked event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierVersionPropagationRequested event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierCopyAcknowledged event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(StaleSupplierAcknowledgmentRecorded event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(SupplierPropagationFailed event, Caught caught) {
        return caught.rows();
    }

    @Override
    public List<DuplicateRow> on(DuplicateSupplierRequestCaught refused, Caught caught) {
        return with(caught, DuplicateRow.refused(refused, caught.recorded()));
    }

    private static List<DuplicateRow> with(Caught caught, DuplicateRow row) {
        List<DuplicateRow> rows = new ArrayList<>(caught.rows());
        rows.add(row);
        return rows;
    }
}
