package org.integrationledger.query.reconciliation;

import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.reconciliation.CaughtDuplicate;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.DuplicateKind;
import org.integrationledger.model.reconciliation.DuplicateOutcome;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.query.fold.Envelope;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A caught duplicate as stored in {@code duplicate_caught}, keyed by the id of the event that caught it. */
record DuplicateRow(String eventId, DocumentType documentType, String originalId, String attemptedId,
                    String matchKey, DuplicateKind kind, DuplicateOutcome outcome, String detail, Instant caughtAt,
                    Instant recordedAt, String reportingSystem, String connectorId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One row per suspected original the exception names: its {@code n}-th, under the event's id and {@code :n}. */
    static DuplicateRow suspected(InvoiceExceptionRaised raised, int n, Envelope recorded) {
        return new DuplicateRow(recorded.eventId() + ":" + n, DocumentType.INVOICE,
                raised.suspectedDuplicateOf().get(n).value(), raised.invoiceId().value(),
                raised.supplier() + " " + raised.gross(), DuplicateKind.SUSPECTED, DuplicateOutcome.OPEN,
                Texts.cut(Objects.requireNonNullElse(raised.detail(), ""), Texts.DETAIL),
                raised.occurredAt(), recorded.recordedAt(), raised.reportingSystem().value(),
                recorded.meta(LedgerMetadata.CONNECTOR_ID));
    }

    static DuplicateRow refused(DuplicateInvoiceSubmissionCaught caught, Envelope recorded) {
        return new DuplicateRow(recorded.eventId(), DocumentType.INVOICE,
                caught.invoiceId().value(), caught.submittedAs().value(),
                caught.supplier() + " " + caught.supplierInvoiceNumber().normalized(), DuplicateKind.EXACT,
                DuplicateOutcome.REFUSED,
                "submission " + caught.submittedAs() + " (number " + caught.supplierInvoiceNumber() + ", gross "
                        + caught.gross() + ", by " + caught.submittedBy() + ") refused; invoice "
                        + caught.invoiceId() + " kept",
                caught.occurredAt(), recorded.recordedAt(), caught.reportingSystem().value(),
                recorded.meta(LedgerMetadata.CONNECTOR_ID));
    }

    static DuplicateRow refused(DuplicateSupplierRequestCaught caught, Envelope recorded) {
        return new DuplicateRow(recorded.eventId(), DocumentType.SUPPLIER,
                caught.supplierId().value(), caught.requestedAs().value(),
                caught.taxId().scheme() + " " + caught.taxId().normalized(), DuplicateKind.EXACT,
                DuplicateOutcome.REFUSED,
                "request for " + caught.requestedAs() + " (" + caught.legalName() + ", by " + caught.requestedBy()
                        + ") refused; supplier " + caught.supplierId() + " kept",
                caught.occurredAt(), recorded.recordedAt(), caught.reportingSystem().value(),
                recorded.meta(LedgerMetadata.CONNECTOR_ID));
    }

    /** Whether the row is a suspected duplicate of invoice {@code attempted} still waiting for its outcome. */
    boolean openSuspicionOf(String attempted) {
        return documentType == DocumentType.INVOICE && kind == DuplicateKind.SUSPECTED
                && outcome == DuplicateOutcome.OPEN && attemptedId.equals(attempted);
    }

    /** The row with its outcome, the resolution added to its detail. */
    DuplicateRow resolved(DuplicateOutcome resolution, String detailSuffix) {
        return new DuplicateRow(eventId, documentType, originalId, attemptedId, matchKey, kind, resolution,
                Texts.cut(detail + detailSuffix, Texts.DETAIL), caughtAt, recordedAt, reportingSystem, connectorId);
    }

    CaughtDuplicate toCaughtDuplicate() {
        return new CaughtDuplicate(documentType, originalId, attemptedId, matchKey, kind, outcome, detail, caughtAt,
                recordedAt, reportingSystem == null ? null : SystemId.of(reportingSystem), connectorId);
    }

    String canonical() {
        return String.join("|", eventId, documentType.name(), originalId, attemptedId, matchKey, kind.name(),
                outcome.name(), detail,
                String.valueOf(caughtAt), String.valueOf(recordedAt), String.valueOf(reportingSystem),
                String.valueOf(connectorId));
    }
}
