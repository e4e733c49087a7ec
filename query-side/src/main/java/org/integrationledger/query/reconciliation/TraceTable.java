package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.integrationledger.query.reconciliation.ReconciliationTable.instant;
import static org.integrationledger.query.reconciliation.ReconciliationTable.ts;

/** Writes and reads {@code trace_step}; the event id is the key, so a redelivered event writes nothing twice. */
@Component
class TraceTable {

    private static final String COLUMNS = """
            event_id, trace_key, related_key, document_type, document_id, sequence_number, event_type, business_time,
            recorded_at, reporting_system, connector_id, message_id, correlation_id, causation_id, summary""";
    private static final String INSERT = "INSERT INTO %s (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING";
    /** Where a rebuild writes while it runs (see the migration that creates it). */
    static final String REBUILD = "trace_step_rebuild";
    private static final String LIVE = "trace_step";

    private final JdbcTemplate jdbc;

    TraceTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<TraceRow> rows) {
        insertInto(LIVE, rows);
    }

    /** Writes rows of a running rebuild beside the live table. */
    void insertRebuilt(List<TraceRow> rows) {
        insertInto(REBUILD, rows);
    }

    void clearRebuilt() {
        jdbc.update("TRUNCATE " + REBUILD);
    }

    /** Replaces the live rows with the rebuilt ones, inside the caller's transaction, and empties the rebuild's. */
    void replaceLiveWithRebuilt(SwitchSteps steps) {
        jdbc.update("DELETE FROM " + LIVE);
        steps.step("live rows deleted");
        jdbc.update("INSERT INTO " + LIVE + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + REBUILD);
        steps.step("rebuilt rows copied in");
        jdbc.update("TRUNCATE " + REBUILD);
    }

    private void insertInto(String table, List<TraceRow> rows) {
        jdbc.batchUpdate(INSERT.formatted(table), rows.stream().map(r -> new Object[]{r.eventId(), r.traceKey(), r.relatedKey(),
                r.documentType().name(), r.documentId(), r.sequenceNumber(), r.eventType(), ts(r.businessTime()),
                ts(r.recordedAt()), r.reportingSystem(), r.connectorId(), r.messageId(), r.correlationId(),
                r.causationId(), r.summary()}).toList());
    }

    /**
     * SHA-256 over the live rows' canonical lines in key order, streamed: the rows are read a thousand at a
     * time (a cursor, inside the caller's transaction), never all at once.
     */
    String checksum() {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1_000);
        try (Stream<TraceRow> rows = streaming.queryForStream("SELECT * FROM trace_step ORDER BY event_id",
                TraceTable::row)) {
            return Checksums.sha256(rows.map(TraceRow::canonical));
        }
    }

    private static TraceRow row(ResultSet rs, int n) throws SQLException {
        return new TraceRow(
                rs.getString("event_id"), rs.getString("trace_key"), rs.getString("related_key"),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_id"),
                rs.getLong("sequence_number"), rs.getString("event_type"), instant(rs, "business_time"),
                instant(rs, "recorded_at"), rs.getString("reporting_system"), rs.getString("connector_id"),
                rs.getString("message_id"), rs.getString("correlation_id"), rs.getString("causation_id"),
                rs.getString("summary"));
    }

    void deleteAll() {
        jdbc.update("DELETE FROM trace_step");
    }
}
