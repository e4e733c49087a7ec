package org.integrationledger.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One event of a document's history, with who reported it, through which connector, and on which time axes. */
public record HistoryEntry(
        @Schema(description = "position in the whole event store; the ledger's own total order")
        long globalIndex,
        @Schema(description = "the document's business id (ids are per document type)")
        String aggregateId,
        @Schema(description = "position in this document's own history, from 0")
        long sequenceNumber,
        @Schema(description = "simple name of the event type, e.g. PurchaseOrderIssued")
        String eventType,
        @Schema(description = "fully qualified stored payload type")
        String payloadType,
        @Schema(description = "revision the event was stored under (not upcast)")
        String revision,
        @Schema(description = "recorded time: when the ledger recorded the event (Axon event timestamp)")
        Instant recordedAt,
        @Schema(description = "business time: when it happened in the reporting system (payload occurredAt)")
        Instant businessTime,
        String reportingSystem,
        @Schema(description = "the authenticated connector whose API key sent the command")
        String connectorId,
        @Schema(description = "the connector's own message id (idempotency key)")
        String messageId,
        String correlationId,
        @Schema(description = "Axon id of the command message that caused this event")
        String causationId,
        String eventId,
        @Schema(description = "the stored payload, as stored (JSON)")
        @JsonRawValue String payload) {
}
