package org.integrationledger.model.controls;

import org.integrationledger.model.shared.Checks;

import java.time.Instant;

/**
 * One recorded event that proves a control violation, by its place in the event store: the document's type and
 * business id, its sequence number in that document's history, its type, and both of its times. An auditor
 * reads it back with {@code GET /api/v1/audit/{documentType}/{documentId}/history}.
 */
public record ControlEvidence(String documentType, String documentId, long sequenceNumber, String eventType,
                              Instant businessTime, Instant recordedAt) {

    public ControlEvidence {
        Checks.required(documentType, "documentType");
        Checks.required(documentId, "documentId");
        Checks.required(eventType, "eventType");
        Checks.required(businessTime, "businessTime");
    }
}
