package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.integrationledger.query.reconciliation.ReconciliationTable.instant;
import static org.integrationledger.query.reconciliation.ReconciliationTable.ts;

/** Writes and reads {@code trace_step}; the event id is the key, so a redelivered event writes nothing twice. */
@Component
class TraceTable {

    private static final String INSERT = """
            INSERT INTO trace_step (event_id, trace_key, related_key, document_type, document_id, sequence_number,
                event_type, business_time, recorded_at, reporting_system, connector_id, message_id, correlation_id,
                causation_id, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""";

    private final JdbcTemplate jdbc;

    TraceTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<TraceRow> rows) {
        jdbc.batchUpdate(INSERT, rows.stream().map(r -> new Object[]{r.eventId(), r.traceKey(), r.relatedKey(),
                r.documentType().name(), r.documentId(), r.sequenceNumber(), r.eventType(), ts(r.businessTime()),
                ts(r.recordedAt()), r.reportingSystem(), r.connectorId(), r.messageId(), r.correlationId(),
                r.causationId(), r.summary()}).toList());
    }

    List<TraceRow> all() {
        return jdbc.query("SELECT * FROM trace_step ORDER BY event_id", (rs, n) -> new TraceRow(
                rs.getString("event_id"), rs.getString("trace_key"), rs.getString("related_key"),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_id"),
                rs.getLong("sequence_number"), rs.getString("event_type"), instant(rs, "business_time"),
                instant(rs, "recorded_at"), rs.getString("reporting_system"), rs.getString("connector_id"),
                rs.getString("message_id"), rs.getString("correlation_id"), rs.getString("causation_id"),
                rs.getString("summary")));
    }

    void deleteAll() {
        jdbc.update("DELETE FROM trace_step");
    }
}
