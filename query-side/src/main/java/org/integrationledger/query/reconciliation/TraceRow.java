package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.query.fold.Envelope;

import java.io.Serializable;
import java.time.Instant;

/**
 * One step of the trace as stored in {@code trace_step}: which business key it belongs to (a purchase order's id
 * for the order, related to the supplier it used; an invoice's id for the invoice and its payments, its receipt
 * related to its purchase order; a supplier's id for the supplier), and everything an auditor asks of a step.
 * {@link TraceFold} makes it, live, in a rebuild and as of a past instant alike.
 */
record TraceRow(String eventId, String traceKey, String relatedKey, DocumentType documentType, String documentId,
                long sequenceNumber, String eventType, Instant businessTime, Instant recordedAt,
                String reportingSystem, String connectorId, String messageId, String correlationId,
                String causationId, String summary) implements Serializable {

    /** The step of one recorded event, with the ids its message carried. */
    static TraceRow step(Envelope recorded, String traceKey, String relatedKey, DocumentType type, String documentId,
                         String reportingSystem, Instant businessTime, String summary) {
        return new TraceRow(recorded.eventId(), traceKey, relatedKey, type, documentId, recorded.sequenceNumber(),
                recorded.eventType(), businessTime, recorded.recordedAt(), reportingSystem,
                recorded.meta(LedgerMetadata.CONNECTOR_ID), recorded.meta(LedgerMetadata.MESSAGE_ID),
                recorded.meta(LedgerMetadata.CORRELATION_ID), recorded.meta(LedgerMetadata.CAUSATION_ID), summary);
    }

    /** Canonical text of the row, for the projection checksum. */
    String canonical() {
        return String.join("|", eventId, traceKey, String.valueOf(relatedKey), documentType.name(), documentId,
                String.valueOf(sequenceNumber), eventType, String.valueOf(businessTime), String.valueOf(recordedAt),
                String.valueOf(reportingSystem), String.valueOf(connectorId), String.valueOf(messageId),
                String.valueOf(correlationId), String.valueOf(causationId), summary);
    }
}
