package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * One step of an end-to-end trace: a recorded event of one document, with its business time, the time the ledger
 * recorded it, the system that reported it, the connector and message that carried it, and the correlation and
 * causation ids that tie it to the rest of the conversation.
 */
public record TraceStep(Instant businessTime, Instant recordedAt, DocumentType documentType, String documentId,
                        long sequenceNumber, String event, SystemId reportingSystem, String connector,
                        String messageId, String correlationId, String causationId, String summary) {
}
