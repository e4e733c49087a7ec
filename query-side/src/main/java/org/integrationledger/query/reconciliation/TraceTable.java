package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.CopyRows;
import org.integrationledger.query.rebuild.ShadowTable;
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
    private final ShadowTable rebuilt;

    TraceTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rebuilt = new ShadowTable(jdbc, LIVE, REBUILD);
    }

    void insert(List<TraceRow> rows) {
        insertInto(LIVE, rows);
    }

    /**
     * Writes rows of a running rebuild beside the live table, before {@link #prepareRebuiltForSwap}: with
     * {@code COPY} into a table without any index. A rebuild reads each event once, in global-index order, so no
     * row comes twice; the key built afterwards would refuse one that did, and the rebuild would fail.
     */
    void copyRebuilt(List<TraceRow> rows) {
        CopyRows.copy(jdbc, REBUILD, COLUMNS, rows.stream().map(TraceTable::values).toList());
    }

    /** Writes the last rows of a rebuild into its prepared table, keyed by then, so a repeated event writes nothing. */
    void insertRebuilt(List<TraceRow> rows) {
        insertInto(REBUILD, rows);
    }

    /**
     * Starts the rebuild's table afresh, unlogged and without any index (see {@link ShadowTable}); its key and
     * indexes are built once the rows are in ({@link #prepareRebuiltForSwap}): one sort each instead of a random
     * B-tree insert per event.
     */
    void recreateRebuilt() {
        rebuilt.recreate(true);
    }

    /**
     * Readies the rebuilt rows to become the live table, while the processors still run: made durable (logged),
     * given the live table's key and indexes, and analyzed.
     */
    void prepareRebuiltForSwap(SwitchSteps steps) {
        rebuilt.makeDurable();
        steps.step("rebuilt rows made durable");
        rebuilt.index();
        steps.step("rebuilt rows keyed, indexed and analyzed");
    }

    /**
     * Makes the rebuilt table the live one, inside the caller's transaction, then starts an empty rebuild table.
     * Readers of the trace wait for the caller's commit from here on, so the switch does this at its end.
     */
    void swapRebuiltIn(SwitchSteps steps) {
        rebuilt.swapIn();
        steps.step("rebuilt table renamed in");
        recreateRebuilt();
    }

    private void insertInto(String table, List<TraceRow> rows) {
        jdbc.batchUpdate(INSERT.formatted(table), rows.stream().map(TraceTable::values).toList());
    }

    /** A row's values in the order of {@link #COLUMNS}. */
    private static Object[] values(TraceRow r) {
        return new Object[]{r.eventId(), r.traceKey(), r.relatedKey(), r.documentType().name(), r.documentId(),
                r.sequenceNumber(), r.eventType(), ts(r.businessTime()), ts(r.recordedAt()), r.reportingSystem(),
                r.connectorId(), r.messageId(), r.correlationId(), r.causationId(), r.summary()};
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
