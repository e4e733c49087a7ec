package org.integrationledger.query.audit;

import org.integrationledger.model.shared.DocumentKey;
import org.integrationledger.model.shared.LedgerMetadata;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns stored rows into history entries. It reads the stored JSON directly rather than deserializing events,
 * so a history shows every event as stored, whatever its revision and even if its class no longer exists.
 */
@Component
class HistoryEntries {

    private final JsonMapper json = JsonMapper.builder().build();

    HistoryEntry of(StoredEvent event) {
        JsonNode meta = event.metaData() == null ? json.createObjectNode() : json.readTree(event.metaData());
        JsonNode payload = json.readTree(event.payload());
        String businessTime = text(payload, "occurredAt");
        String reportingSystem = text(meta, LedgerMetadata.REPORTING_SYSTEM);
        return new HistoryEntry(event.globalIndex(), DocumentKey.businessIdOf(event.aggregateId()),
                event.sequenceNumber(),
                event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1), event.payloadType(),
                event.payloadRevision(), Instant.parse(event.timestamp()),
                businessTime == null ? null : Instant.parse(businessTime),
                reportingSystem != null ? reportingSystem : text(payload, "reportingSystem"),
                text(meta, LedgerMetadata.CONNECTOR_ID), text(meta, LedgerMetadata.MESSAGE_ID),
                text(meta, LedgerMetadata.CORRELATION_ID), text(meta, LedgerMetadata.CAUSATION_ID),
                event.eventId(), new String(event.payload(), StandardCharsets.UTF_8));
    }

    /** One JSON Lines record: the entry with its payload inline, as the JSON API shows it. */
    String jsonLine(HistoryEntry entry) {
        return json.writeValueAsString(entry);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
