package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.reconciliation.CaughtDuplicate;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;

import java.time.Instant;
import java.util.Optional;

/** A caught duplicate as stored in {@code duplicate_caught}; the same mapping serves the projection and the rebuild. */
record DuplicateRow(String eventId, DocumentType documentType, String originalId, String attemptedId,
                    String matchKey, String kind, String outcome, String detail, Instant caughtAt, Instant recordedAt,
                    String reportingSystem, String connectorId) {

    static final String EXACT = "EXACT";
    static final String REFUSED = "REFUSED";

    static Optional<DuplicateRow> of(EventMessage<?> message) {
        if (message.getPayload() instanceof DuplicateSupplierRequestCaught caught) {
            Object connector = message.getMetaData().get(LedgerMetadata.CONNECTOR_ID);
            return Optional.of(new DuplicateRow(message.getIdentifier(), DocumentType.SUPPLIER,
                    caught.supplierId().value(), caught.requestedAs().value(),
                    caught.taxId().scheme() + " " + caught.taxId().normalized(), EXACT, REFUSED,
                    "request for " + caught.requestedAs() + " (" + caught.legalName() + ", by " + caught.requestedBy()
                            + ") refused; supplier " + caught.supplierId() + " kept",
                    caught.occurredAt(), message.getTimestamp(), caught.reportingSystem().value(),
                    connector == null ? null : connector.toString()));
        }
        return Optional.empty();
    }

    CaughtDuplicate toCaughtDuplicate() {
        return new CaughtDuplicate(documentType, originalId, attemptedId, matchKey, kind, outcome, detail, caughtAt,
                recordedAt, reportingSystem == null ? null : SystemId.of(reportingSystem), connectorId);
    }

    String canonical() {
        return String.join("|", eventId, documentType.name(), originalId, attemptedId, matchKey, kind, outcome, detail,
                String.valueOf(caughtAt), String.valueOf(recordedAt), String.valueOf(reportingSystem),
                String.valueOf(connectorId));
    }
}
