package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.query.rebuild.CopyRows;
import org.integrationledger.query.rebuild.ShadowTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Loads and stores documents of the reconciliation view with plain SQL in the processor's transaction (the token
 * is stored in the same one, so each event counts exactly once).
 */
@Component
class ReconciliationTable {

    private final JdbcTemplate jdbc;
    private final DivergenceCountTable counts;
    /** Where a rebuild's switch writes the documents, their systems and their flags before renaming them in. */
    private final List<ShadowTable> rebuilt;

    ReconciliationTable(JdbcTemplate jdbc, DivergenceCountTable counts) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.rebuilt = Stream.of("reconciliation_document", "reconciliation_system", "reconciliation_flag")
                .map(live -> new ShadowTable(jdbc, live, live + "_rebuilt")).toList();
    }

    Optional<DocumentState> load(DocumentType type, String id) {
        List<DocumentState> found = jdbc.query("SELECT * FROM reconciliation_document WHERE document_type = ? "
                + "AND document_id = ?", (rs, n) -> document(rs), type.name(), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<SystemRow> systems = jdbc.query("SELECT * FROM reconciliation_system WHERE document_type = ? "
                + "AND document_id = ?", (rs, n) -> system(rs), type.name(), id);
        List<OpenDivergence> divergences = jdbc.query("SELECT * FROM reconciliation_flag WHERE document_type = ? "
                + "AND document_id = ?", (rs, n) -> divergence(rs), type.name(), id);
        return Optional.of(found.get(0).loaded(systems, divergences));
    }

    /** An invoice's payments, each its own document, in id order. */
    List<DocumentState> payments(String invoiceId) {
        return documents("document_type = ? AND parent_key = ?", DocumentType.PAYMENT.name(), invoiceId);
    }

    /** The documents {@code where} selects (on {@code reconciliation_document}), with their systems and flags. */
    private List<DocumentState> documents(String where, Object... arguments) {
        Map<DocumentKey, Loading> found = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM reconciliation_document WHERE " + where + " ORDER BY document_id", (ResultSet rs) -> {
            Loading document = new Loading(document(rs));
            found.put(document.key(), document);
        }, arguments);
        if (found.isEmpty()) {
            return List.of();
        }
        String ofThem = " WHERE (document_type, document_id) IN (SELECT document_type, document_id"
                + " FROM reconciliation_document WHERE " + where + ")";
        jdbc.query("SELECT * FROM reconciliation_system" + ofThem, (ResultSet rs) -> Loading.system(found, rs),
                arguments);
        jdbc.query("SELECT * FROM reconciliation_flag" + ofThem, (ResultSet rs) -> Loading.divergence(found, rs),
                arguments);
        return Loading.loaded(found.values());
    }

    /**
     * A document being read from the tables: its row first, then its systems' and flags' rows as they come; the
     * state is made once all are read ({@link DocumentState#loaded}).
     */
    static final class Loading {

        private final DocumentState document;
        private final List<SystemRow> systems = new ArrayList<>();
        private final List<OpenDivergence> divergences = new ArrayList<>();

        Loading(DocumentState document) {
            this.document = document;
        }

        DocumentKey key() {
            return document.key();
        }

        /** Adds the system row {@code rs} is at to its document, if that is among {@code loading}. */
        static void system(Map<DocumentKey, Loading> loading, ResultSet rs) throws SQLException {
            Loading document = loading.get(ReconciliationTable.key(rs));
            if (document != null) {
                document.systems.add(ReconciliationTable.system(rs));
            }
        }

        /** Adds the flag row {@code rs} is at to its document, if that is among {@code loading}. */
        static void divergence(Map<DocumentKey, Loading> loading, ResultSet rs) throws SQLException {
            Loading document = loading.get(ReconciliationTable.key(rs));
            if (document != null) {
                document.divergences.add(ReconciliationTable.divergence(rs));
            }
        }

        DocumentState loaded() {
            return document.loaded(systems, divergences);
        }

        static List<DocumentState> loaded(Collection<Loading> loading) {
            return loading.stream().map(Loading::loaded).toList();
        }
    }

    /** The columns of {@link #documentRow}, {@link #systemRows} and {@link #flagRows}, in their order. */
    private static final String DOCUMENT_COLUMNS = """
            document_type, document_id, business_key, parent_key, supplier_id, legal_entity, region, source_system,
            status, current_version, routed_to, routing_rule_version, amount, currency, source_known,
            source_reported_at, version_changed_at, status_changed_at, first_business_time, last_business_time,
            last_recorded_at, divergent_since""";
    private static final String SYSTEM_COLUMNS = """
            document_type, document_id, system_id, role, state, acknowledged_version, expected_version,
            rejected_version, reference, amount, currency, status, region, pending_since, bank_account_mismatch,
            paid_in_other_currency, business_time, recorded_at""";
    private static final String FLAG_COLUMNS = """
            document_type, document_id, flag, system_id, region, legal_entity, since, detail""";

    private static final String UPSERT_DOCUMENT = "INSERT INTO reconciliation_document (" + DOCUMENT_COLUMNS + """
            )
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (document_type, document_id) DO UPDATE SET business_key = EXCLUDED.business_key,
                parent_key = EXCLUDED.parent_key,
                supplier_id = EXCLUDED.supplier_id, legal_entity = EXCLUDED.legal_entity,
                region = EXCLUDED.region, source_system = EXCLUDED.source_system, status = EXCLUDED.status,
                current_version = EXCLUDED.current_version, routed_to = EXCLUDED.routed_to,
                routing_rule_version = EXCLUDED.routing_rule_version, amount = EXCLUDED.amount,
                currency = EXCLUDED.currency, source_known = EXCLUDED.source_known,
                source_reported_at = EXCLUDED.source_reported_at,
                version_changed_at = EXCLUDED.version_changed_at, status_changed_at = EXCLUDED.status_changed_at,
                first_business_time = EXCLUDED.first_business_time,
                last_business_time = EXCLUDED.last_business_time, last_recorded_at = EXCLUDED.last_recorded_at,
                divergent_since = EXCLUDED.divergent_since""";

    private static final String UPSERT_SYSTEM = "INSERT INTO reconciliation_system (" + SYSTEM_COLUMNS + """
            )
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (document_type, document_id, system_id) DO UPDATE SET role = EXCLUDED.role,
                state = EXCLUDED.state, acknowledged_version = EXCLUDED.acknowledged_version,
                expected_version = EXCLUDED.expected_version, rejected_version = EXCLUDED.rejected_version,
                reference = EXCLUDED.reference, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
                status = EXCLUDED.status, region = EXCLUDED.region, pending_since = EXCLUDED.pending_since,
                bank_account_mismatch = EXCLUDED.bank_account_mismatch,
                paid_in_other_currency = EXCLUDED.paid_in_other_currency, business_time = EXCLUDED.business_time,
                recorded_at = EXCLUDED.recorded_at""";

    private static final String INSERT_FLAG = "INSERT INTO reconciliation_flag (" + FLAG_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Rows per JDBC batch when a rebuild writes all documents: one round trip per batch, not per row. */
    private static final int REBUILD_BATCH = 1_000;

    /**
     * Writes the changed documents of a live batch as JDBC batches: their rows, their systems, and for those whose
     * divergences changed, their flags (deleted and inserted again) with the counts' deltas. Callers pass them in
     * key order ({@link DocumentKey#TABLE_ORDER}), so two writers lock shared documents in the same order.
     *
     * @param flagsChanged whether a document's open divergences differ from those stored
     */
    void saveChanged(List<DocumentState> documents, Predicate<DocumentState> flagsChanged) {
        if (documents.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(UPSERT_DOCUMENT, documents.stream().map(ReconciliationTable::documentRow).toList());
        jdbc.batchUpdate(UPSERT_SYSTEM, documents.stream().flatMap(d -> systemRows(d).stream()).toList());
        // Most events move a system's position without opening or closing a divergence: no flag I/O then.
        List<DocumentState> flagged = documents.stream().filter(flagsChanged).toList();
        if (flagged.isEmpty()) {
            return;
        }
        // The rows as stored are what the counts hold, so the deltas are taken from them, not from memory.
        Map<DocumentKey, List<DivergenceCountTable.Flag>> before = new HashMap<>();
        List<Object> keys = new ArrayList<>();
        flagged.forEach(d -> {
            keys.add(d.type().name());
            keys.add(d.id());
        });
        jdbc.query("DELETE FROM reconciliation_flag WHERE (document_type, document_id) IN ("
                        + String.join(", ", Collections.nCopies(flagged.size(), "(?, ?)"))
                        + ") RETURNING document_id, flag, system_id, region, document_type, legal_entity",
                (ResultSet rs) -> {
                    before.computeIfAbsent(key(rs), k -> new ArrayList<>()).add(new DivergenceCountTable.Flag(
                            rs.getString("flag"), rs.getString("system_id"), rs.getString("region"),
                            rs.getString("document_type"), rs.getString("legal_entity")));
                }, keys.toArray());
        jdbc.batchUpdate(INSERT_FLAG, flagged.stream().flatMap(d -> flagRows(d).stream()).toList());
        for (DocumentState d : flagged) {
            counts.changed(before.getOrDefault(d.key(), List.of()),
                    d.divergences().values().stream().map(f -> new DivergenceCountTable.Flag(f.flag().name(),
                            f.system(), f.region(), d.type().name(), d.legalEntity())).toList());
        }
    }

    /**
     * Writes every document of a rebuild beside the live tables ({@link ShadowTable}) with COPY, a thousand documents
     * per chunk (one COPY per table and chunk), then indexes them. Row by row, the switch of a rebuild at 300,000
     * documents took over a million round trips; as batched upserts, and then as COPY into the live tables with all
     * their indexes, it was still the largest part of the switch (docs/benchmarks.md).
     */
    void writeRebuilt(Iterable<DocumentState> documents) {
        rebuilt.forEach(table -> table.recreate(false));
        copyRebuilt(documents);
        rebuilt.forEach(ShadowTable::index);
    }

    /** Replaces the rows {@link #writeRebuilt} wrote for these documents (changed since) with their rows now. */
    void rewriteRebuilt(Collection<DocumentState> documents) {
        if (documents.isEmpty()) {
            return;
        }
        String[] types = documents.stream().map(d -> d.type().name()).toArray(String[]::new);
        String[] ids = documents.stream().map(DocumentState::id).toArray(String[]::new);
        for (ShadowTable table : rebuilt) {
            jdbc.update("DELETE FROM " + table.name() + " WHERE (document_type, document_id) IN "
                    + "(SELECT * FROM unnest(?::text[], ?::text[]))", types, ids);
        }
        copyRebuilt(documents);
    }

    private void copyRebuilt(Iterable<DocumentState> documents) {
        List<Object[]> documentRows = new ArrayList<>(REBUILD_BATCH);
        List<Object[]> systemRows = new ArrayList<>(REBUILD_BATCH);
        List<Object[]> flagRows = new ArrayList<>(REBUILD_BATCH);
        for (DocumentState d : documents) {
            documentRows.add(documentRow(d));
            systemRows.addAll(systemRows(d));
            flagRows.addAll(flagRows(d));
            if (documentRows.size() >= REBUILD_BATCH) {
                flush(documentRows, systemRows, flagRows);
            }
        }
        flush(documentRows, systemRows, flagRows);
    }

    /**
     * Renames the tables {@link #writeRebuilt} wrote into the live ones' places, in the caller's transaction, and
     * computes the divergence counts from the flags now live, in one statement each.
     */
    void swapRebuiltIn() {
        rebuilt.forEach(ShadowTable::swapIn);
        counts.deleteAll();
        counts.recompute();
    }

    private void flush(List<Object[]> documentRows, List<Object[]> systemRows, List<Object[]> flagRows) {
        CopyRows.copy(jdbc, rebuilt.get(0).name(), DOCUMENT_COLUMNS, documentRows);
        CopyRows.copy(jdbc, rebuilt.get(1).name(), SYSTEM_COLUMNS, systemRows);
        CopyRows.copy(jdbc, rebuilt.get(2).name(), FLAG_COLUMNS, flagRows);
        documentRows.clear();
        systemRows.clear();
        flagRows.clear();
    }

    private static Object[] documentRow(DocumentState d) {
        return new Object[]{d.type().name(), d.id(), Texts.cut(d.businessKey(), 128), d.parentKey(), d.supplierId(),
                d.legalEntity(), d.region(), d.sourceSystem(), name(d.status()), d.currentVersion(), d.routedTo(),
                d.routingRuleVersion(), d.amount(), d.currency(), d.sourceKnown(), ts(d.sourceReportedAt()),
                ts(d.versionChangedAt()), ts(d.statusChangedAt()), ts(d.firstBusinessTime()),
                ts(d.lastBusinessTime()), ts(d.lastRecordedAt()), ts(d.divergentSince())};
    }

    // Texts from connectors are cut to the column, so a long reference can never block the projection.
    private static List<Object[]> systemRows(DocumentState d) {
        return d.systems().values().stream().map(s -> new Object[]{d.type().name(), d.id(), s.system(),
                name(s.role()), name(s.state()), s.version(), s.expectedVersion(), s.rejectedVersion(),
                Texts.cut(s.reference(), 128), s.amount(), s.currency(), name(s.status()), s.region(),
                ts(s.pendingSince()), s.bankAccountMismatch(), s.paidInOtherCurrency(), ts(s.businessTime()),
                ts(s.recordedAt())})
                .toList();
    }

    private static List<Object[]> flagRows(DocumentState d) {
        return d.divergences().values().stream().map(f -> new Object[]{d.type().name(), d.id(), f.flag().name(),
                f.system(), f.region(), d.legalEntity(), ts(f.since()), Texts.cut(f.detail(), Texts.DETAIL)})
                .toList();
    }

    /**
     * Every document with its systems and divergences, in key order (for the checksum), read a thousand documents
     * at a time: the whole view at once was the largest heap of a rebuild's switch. Consume it in one transaction.
     */
    Stream<DocumentState> allInKeyOrder() {
        Iterator<List<DocumentState>> chunks = new Iterator<>() {
            private List<DocumentState> next = chunkAfter(null);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<DocumentState> next() {
                if (next.isEmpty()) {
                    throw new NoSuchElementException();
                }
                List<DocumentState> chunk = next;
                next = chunk.size() < REBUILD_BATCH ? List.of() : chunkAfter(chunk.get(chunk.size() - 1));
                return chunk;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED), false)
                .flatMap(List::stream);
    }

    private List<DocumentState> chunkAfter(DocumentState last) {
        Map<DocumentKey, Loading> chunk = new LinkedHashMap<>();
        RowCallbackHandler collect = rs -> {
            Loading document = new Loading(document(rs));
            chunk.put(document.key(), document);
        };
        if (last == null) {
            jdbc.query("SELECT * FROM reconciliation_document ORDER BY document_type, document_id LIMIT "
                    + REBUILD_BATCH, collect);
        } else {
            jdbc.query("SELECT * FROM reconciliation_document WHERE (document_type, document_id) > (?, ?) "
                    + "ORDER BY document_type, document_id LIMIT " + REBUILD_BATCH, collect, last.type().name(),
                    last.id());
        }
        if (chunk.isEmpty()) {
            return List.of();
        }
        // Per document type, an id range: a plain range on the key's index. A range of (type, id) row values
        // instead made PostgreSQL scan the whole table for every chunk (570,000 rows, 150 ms, 300 times at 1 M events).
        Map<DocumentType, String[]> ranges = new LinkedHashMap<>();
        chunk.keySet().forEach(k -> ranges.computeIfAbsent(k.type(), t -> new String[]{k.id(), k.id()})[1] = k.id());
        ranges.forEach((type, range) -> {
            Object[] arguments = {type.name(), range[0], range[1]};
            String inRange = " WHERE document_type = ? AND document_id >= ? AND document_id <= ?";
            jdbc.query("SELECT * FROM reconciliation_system" + inRange, (ResultSet rs) -> Loading.system(chunk, rs),
                    arguments);
            jdbc.query("SELECT * FROM reconciliation_flag" + inRange, (ResultSet rs) -> Loading.divergence(chunk, rs),
                    arguments);
        });
        return Loading.loaded(chunk.values());
    }

    private static DocumentKey key(ResultSet rs) throws SQLException {
        return new DocumentKey(DocumentType.valueOf(rs.getString("document_type")),
                rs.getString("document_id"));
    }

    void deleteAll() {
        counts.deleteAll();
        jdbc.update("DELETE FROM reconciliation_flag");
        jdbc.update("DELETE FROM reconciliation_system");
        jdbc.update("DELETE FROM reconciliation_document");
    }

    /** A document's own row, without its systems and flags. */
    static DocumentState document(ResultSet rs) throws SQLException {
        return new DocumentState(DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_id"),
                rs.getString("business_key"), rs.getString("parent_key"), rs.getString("supplier_id"),
                rs.getString("legal_entity"), rs.getString("region"), rs.getString("source_system"),
                constant(DocumentStatus.class, rs.getString("status")), rs.getInt("current_version"),
                rs.getString("routed_to"), (Integer) rs.getObject("routing_rule_version"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getBoolean("source_known"), instant(rs, "source_reported_at"),
                instant(rs, "version_changed_at"), instant(rs, "status_changed_at"),
                instant(rs, "first_business_time"), instant(rs, "last_business_time"),
                instant(rs, "last_recorded_at"), new TreeMap<>(), new LinkedHashMap<>());
    }

    static SystemRow system(ResultSet rs) throws SQLException {
        return new SystemRow(rs.getString("system_id"), constant(SystemRole.class, rs.getString("role")),
                constant(PositionState.class, rs.getString("state")), (Integer) rs.getObject("acknowledged_version"),
                (Integer) rs.getObject("expected_version"), (Integer) rs.getObject("rejected_version"),
                rs.getString("reference"), rs.getBigDecimal("amount"), rs.getString("currency"),
                constant(PositionStatus.class, rs.getString("status")), rs.getString("region"),
                instant(rs, "pending_since"), rs.getBoolean("bank_account_mismatch"),
                rs.getBoolean("paid_in_other_currency"), instant(rs, "business_time"),
                instant(rs, "recorded_at"));
    }

    static OpenDivergence divergence(ResultSet rs) throws SQLException {
        return new OpenDivergence(Divergence.valueOf(rs.getString("flag")), rs.getString("system_id"),
                rs.getString("region"), instant(rs, "since"), rs.getString("detail"));
    }

    /**
     * An instant as the driver binds it without a calendar of its own: through {@link java.sql.Timestamp}'s Julian
     * calendar an instant before 1582 was stored days away from itself, and a rebuild (COPY) then disagreed.
     */
    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Roles, states and statuses are stored by name, so the columns read as the API spells them. */
    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
