package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.reconciliation.CaughtDuplicate;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.DuplicateKind;
import org.integrationledger.model.reconciliation.DuplicateOutcome;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A caught duplicate as stored in {@code duplicate_caught}; the same mapping serves the projection and the rebuild. */
record DuplicateRow(String eventId, DocumentType documentType, String originalId, String attemptedId,
                    String matchKey, DuplicateKind kind, DuplicateOutcome outcome, String detail, Instant caughtAt,
                    Instant recordedAt, String reportingSystem, String connectorId) {

    /** The duplicates an event caught: none, one refused supplier request, or one per suspected original invoice. */
    static List<DuplicateRow> of(EventMessage<?> message) {
        Object connector = message.getMetaData().get(LedgerMetadata.CONNECTOR_ID);
        String connectorId = connector == null ? null : connector.toString();
        if (message.getPayload() instanceof InvoiceExceptionRaised raised
                && raised.kind() == ExceptionKind.DUPLICATE_SUSPICION) {
            List<DuplicateRow> rows = new ArrayList<>();
            for (int i = 0; i < raised.suspectedDuplicateOf().size(); i++) {
                rows.add(new DuplicateRow(message.getIdentifier() + ":" + i, DocumentType.INVOICE,
                        raised.suspectedDuplicateOf().get(i).value(), raised.invoiceId().value(),
                        raised.supplier() + " " + raised.gross(), DuplicateKind.SUSPECTED, DuplicateOutcome.OPEN,
                        Texts.cut(Objects.requireNonNullElse(raised.detail(), ""), Texts.DETAIL),
                        raised.occurredAt(), message.getTimestamp(), raised.reportingSystem().value(), connectorId));
            }
            return rows;
        }
        return single(message, connectorId).stream().toList();
    }

    /** The outcome a resolved duplicate-suspicion exception gives the invoice's suspected duplicates. */
    static Optional<Resolution> resolutionOf(EventMessage<?> message) {
        if (message.getPayload() instanceof InvoiceExceptionResolved resolved
                && resolved.kind() == ExceptionKind.DUPLICATE_SUSPICION) {
            DuplicateOutcome outcome = resolved.resolution() == ExceptionResolution.OVERRIDE
                    ? DuplicateOutcome.ACCEPTED_BY_OVERRIDE : DuplicateOutcome.CORRECTED;
            String by = resolved.resolvedBy() == null ? resolved.reportingSystem().value() : resolved.resolvedBy();
            return Optional.of(new Resolution(resolved.invoiceId().value(), outcome, "; resolved "
                    + resolved.occurredAt() + " by " + by + (resolved.reason() == null ? "" : ": " + resolved.reason())));
        }
        return Optional.empty();
    }

    DuplicateRow resolved(Resolution resolution) {
        return new DuplicateRow(eventId, documentType, originalId, attemptedId, matchKey, kind, resolution.outcome(),
                Texts.cut(detail + resolution.detailSuffix(), Texts.DETAIL), caughtAt, recordedAt, reportingSystem, connectorId);
    }

    private static Optional<DuplicateRow> single(EventMessage<?> message, String connectorId) {
        if (message.getPayload() instanceof DuplicateInvoiceSubmissionCaught caught) {
            return Optional.of(new DuplicateRow(message.getIdentifier(), DocumentType.INVOICE,
                    caught.invoiceId().value(), caught.submittedAs().value(),
                    caught.supplier() + " " + caught.supplierInvoiceNumber().normalized(), DuplicateKind.EXACT, DuplicateOutcome.REFUSED,
                    "submission " + caught.submittedAs() + " (number " + caught.supplierInvoiceNumber() + ", gross "
                            + caught.gross() + ", by " + caught.submittedBy() + ") refused; invoice "
                            + caught.invoiceId() + " kept",
                    caught.occurredAt(), message.getTimestamp(), caught.reportingSystem().value(), connectorId));
        }
        if (message.getPayload() instanceof DuplicateSupplierRequestCaught caught) {
            return Optional.of(new DuplicateRow(message.getIdentifier(), DocumentType.SUPPLIER,
                    caught.supplierId().value(), caught.requestedAs().value(),
                    caught.taxId().scheme() + " " + caught.taxId().normalized(), DuplicateKind.EXACT, DuplicateOutcome.REFUSED,
                    "request for " + caught.requestedAs() + " (" + caught.legalName() + ", by " + caught.requestedBy()
                            + ") refused; supplier " + caught.supplierId() + " kept",
                    caught.occurredAt(), message.getTimestamp(), caught.reportingSystem().value(), connectorId));
        }
        return Optional.empty();
    }

    /** A suspected duplicate's fate: the invoice it concerns, the outcome, and what to add to the detail. */
    record Resolution(String attemptedId, DuplicateOutcome outcome, String detailSuffix) {

        boolean appliesTo(DuplicateRow row) {
            return row.documentType() == DocumentType.INVOICE && row.kind() == DuplicateKind.SUSPECTED
                    && row.outcome() == DuplicateOutcome.OPEN && row.attemptedId().equals(attemptedId);
        }
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
