package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.DuplicateKind;
import org.integrationledger.model.reconciliation.DuplicateOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.integrationledger.query.reconciliation.ReconciliationTable.instant;
import static org.integrationledger.query.reconciliation.ReconciliationTable.ts;

/** Writes and reads {@code duplicate_caught}; keyed by the event id, so redelivery writes nothing twice. */
@Component
class DuplicateTable {

    static final RowMapper<DuplicateRow> ROW = (rs, n) -> new DuplicateRow(rs.getString("event_id"),
            DocumentType.valueOf(rs.getString("document_type")), rs.getString("original_id"),
            rs.getString("attempted_id"), rs.getString("match_key"), DuplicateKind.valueOf(rs.getString("kind")),
            DuplicateOutcome.valueOf(rs.getString("outcome")),
            rs.getString("detail"), instant(rs, "caught_at"), instant(rs, "recorded_at"),
            rs.getString("reporting_system"), rs.getString("connector_id"));

    private final JdbcTemplate jdbc;

    DuplicateTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<DuplicateRow> rows) {
        jdbc.batchUpdate("""
                INSERT INTO duplicate_caught (event_id, document_type, original_id, attempted_id, match_key, kind,
                    outcome, detail, caught_at, recorded_at, reporting_system, connector_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                rows.stream().map(r -> new Object[]{r.eventId(), r.documentType().name(), r.originalId(),
                        r.attemptedId(), r.matchKey(), r.kind().name(), r.outcome().name(), r.detail(), ts(r.caughtAt()),
                        ts(r.recordedAt()), r.reportingSystem(), r.connectorId()}).toList());
    }

    /** Writes the outcome and detail a resolution gave these rows. */
    void update(List<DuplicateRow> rows) {
        jdbc.batchUpdate("UPDATE duplicate_caught SET outcome = ?, detail = ? WHERE event_id = ?",
                rows.stream().map(r -> new Object[]{r.outcome().name(), r.detail(), r.eventId()}).toList());
    }

    /**
     * The rows the events of one document caught: a supplier's refused duplicates, an invoice's refused duplicate
     * submissions and its own suspected duplicates (those its resolution changes).
     */
    List<DuplicateRow> caughtBy(DocumentType type, String id) {
        return switch (type) {
            case SUPPLIER -> jdbc.query("SELECT * FROM duplicate_caught WHERE document_type = ?"
                    + " AND original_id = ? ORDER BY event_id", ROW, type.name(), id);
            case INVOICE -> jdbc.query("SELECT * FROM duplicate_caught WHERE document_type = ? AND"
                    + " ((kind = ? AND original_id = ?) OR (kind = ? AND attempted_id = ?)) ORDER BY event_id", ROW,
                    type.name(), DuplicateKind.EXACT.name(), id, DuplicateKind.SUSPECTED.name(), id);
            case PURCHASE_ORDER, PAYMENT -> List.of();
        };
    }

    List<DuplicateRow> all() {
        return jdbc.query("SELECT * FROM duplicate_caught ORDER BY event_id", ROW);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM duplicate_caught");
    }
}
