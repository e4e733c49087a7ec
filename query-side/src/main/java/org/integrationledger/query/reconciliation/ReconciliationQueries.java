package org.integrationledger.query.reconciliation;

import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.reconciliation.AgeOrder;
import org.integrationledger.model.reconciliation.CaughtDuplicate;
import org.integrationledger.model.reconciliation.CaughtDuplicatePage;
import org.integrationledger.model.reconciliation.CountDivergences;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DivergenceCounts;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.FindCaughtDuplicates;
import org.integrationledger.model.reconciliation.FindReconciliationEntries;
import org.integrationledger.model.reconciliation.FindReconciliationEntry;
import org.integrationledger.model.reconciliation.ReconciliationEntry;
import org.integrationledger.model.reconciliation.ReconciliationFilter;
import org.integrationledger.model.reconciliation.ReconciliationPage;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.paging.CappedTotal;
import org.integrationledger.query.paging.PagingSettings;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the reconciliation queries with SQL over the indexed tables (the trace: {@link TraceQueries}): a page of
 * keys first (from the divergences or the documents, in the list's order), then the page's documents, systems and
 * divergences in one query each, never one per row. One statement for all of them was tried and measured: it cost
 * PostgreSQL more CPU per page, not less (docs/benchmarks.md, "One statement per reconciliation page").
 */
@Component
class ReconciliationQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final PagingSettings paging;

    ReconciliationQueries(NamedParameterJdbcTemplate jdbc, PagingSettings paging) {
        this.jdbc = jdbc;
        this.paging = paging;
    }

    // One snapshot for a document's three tables: read statement by statement, a batch committing between them
    // answered its systems from before the batch and its divergences from after.
    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ReconciliationEntry> handle(FindReconciliationEntry query) {
        List<ReconciliationEntry> found = entries(List.of(new Key(query.documentType().name(), query.documentId())),
                query.asOf());
        return found.stream().findFirst();
    }

    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ReconciliationPage handle(FindReconciliationEntries query) {
        ReconciliationFilter filter = query.filter();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("limit", query.page().size())
                .addValue("offset", (long) query.page().page() * query.page().size())
                // One more than the limit, so the answer can tell "exactly the limit" from "more".
                .addValue("countUpTo", paging.totalCountLimit() + 1L);
        List<Key> keys;
        CappedTotal capped;
        if (filter.selectsDivergences()) {
            // A document's place in the list is its oldest matching divergence, i.e. the first of its matching flags
            // in the list's order: the page walks the flags through an index in that order and keeps each flag that
            // no earlier matching flag of its document precedes, so the first pages stop after a few rows instead of
            // grouping every match by document first (docs/benchmarks.md). Ties on since fall to (flag, system), so
            // each document appears once.
            List<String> first = flagConditions(filter, params, "f.");
            first.add("NOT EXISTS (SELECT 1 FROM reconciliation_flag g WHERE g.document_type = f.document_type"
                    + " AND g.document_id = f.document_id AND " + String.join(" AND ", flagConditions(filter, params,
                    "g.")) + " AND (g.since, g.flag, g.system_id) < (f.since, f.flag, f.system_id))");
            keys = jdbc.query("SELECT f.document_type, f.document_id FROM reconciliation_flag f" + whereClause(first)
                    + (query.order() == AgeOrder.OLDEST_FIRST
                    ? " ORDER BY f.since, f.document_type, f.document_id"
                    : " ORDER BY f.since DESC, f.document_type DESC, f.document_id DESC")
                    + " LIMIT :limit OFFSET :offset",
                    params, (rs, n) -> key(rs));
            capped = divergenceTotal(filter);
        } else {
            String where = documentWhere(filter, params);
            keys = jdbc.query("SELECT document_type, document_id FROM reconciliation_document" + where
                    + (query.order() == AgeOrder.NEWEST_FIRST
                    ? " ORDER BY last_business_time DESC, document_type, document_id"
                    : " ORDER BY last_business_time, document_type DESC, document_id DESC")
                    + " LIMIT :limit OFFSET :offset",
                    params, (rs, n) -> key(rs));
            capped = CappedTotal.of(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM reconciliation_document"
                    + where + " LIMIT :countUpTo) d", params, Long.class), paging.totalCountLimit());
        }
        return new ReconciliationPage(entries(keys, filter.asOf()), query.page().page(), query.page().size(),
                capped.total(), capped.exact());
    }

    /**
     * The total of a list selected by divergences: its documents, each once. The kept counts hold it exactly for every
     * filter but an age ({@code divergentFor}). With an age, the documents whose matching divergences are all younger
     * are taken off the kept count: for the usual ages (minutes to hours) they are few, so the total stays exact and
     * reads a handful of index entries, where counting the old ones read up to the cap's worth of flags (10–16 ms at
     * 300,000 documents). Only when more than the cap's worth of matching divergences are younger is it the capped
     * count of the flags. One statement each, so both parts see the same snapshot.
     */
    private CappedTotal divergenceTotal(ReconciliationFilter filter) {
        int cap = paging.totalCountLimit();
        MapSqlParameterSource params = new MapSqlParameterSource("countUpTo", cap + 1L);
        ReconciliationFilter anyAge = new ReconciliationFilter(filter.documentType(), filter.region(),
                filter.legalEntity(), filter.system(), filter.divergence(), null, filter.asOf());
        String kept = "SELECT COALESCE(SUM(documents), 0) FROM reconciliation_flag_document_count"
                + whereClause(keptDocumentConditions(anyAge, params));
        if (filter.divergentFor() == null) {
            return new CappedTotal(jdbc.queryForObject(kept, params, Long.class), true);
        }
        params.addValue("startedBy", ReconciliationTable.ts(filter.asOf().minus(filter.divergentFor())));
        List<String> younger = flagConditions(anyAge, params, "");
        younger.add("since > :startedBy");
        List<String> older = flagConditions(anyAge, params, "g.");
        older.add("g.since <= :startedBy");
        long[] answer = jdbc.queryForObject("WITH younger AS MATERIALIZED (SELECT document_type, document_id FROM "
                + "reconciliation_flag" + whereClause(younger) + " LIMIT :countUpTo)"
                + " SELECT (" + kept + ") AS kept, (SELECT COUNT(*) FROM younger) AS younger_rows,"
                + " (SELECT COUNT(*) FROM (SELECT DISTINCT y.document_type, y.document_id FROM younger y"
                + " WHERE NOT EXISTS (SELECT 1 FROM reconciliation_flag g WHERE g.document_type = y.document_type"
                + " AND g.document_id = y.document_id AND " + String.join(" AND ", older) + ")) d) AS younger_only",
                params, (rs, n) -> new long[]{rs.getLong("kept"), rs.getLong("younger_rows"), rs.getLong("younger_only")});
        if (answer[1] <= cap) {
            return new CappedTotal(answer[0] - answer[2], true);
        }
        // Distinct documents in key order, so PostgreSQL can stop at the limit (a hashed DISTINCT reads all).
        return CappedTotal.of(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT document_type, document_id"
                + " FROM reconciliation_flag" + flagWhere(filter, params) + " ORDER BY document_type, document_id"
                + " LIMIT :countUpTo) d", params, Long.class), cap);
    }

    /**
     * The conditions on the kept document counts for a filter without an age: the flag table's filter columns under
     * the same names, and the grouping set whose columns are exactly the filtered divergence columns.
     */
    private static List<String> keptDocumentConditions(ReconciliationFilter filter, MapSqlParameterSource params) {
        List<String> where = flagConditions(filter, params, "");
        int rolledUp = (filter.divergence() == null ? DivergenceCountTable.ANY_FLAG : 0)
                | (filter.system() == null ? DivergenceCountTable.ANY_SYSTEM : 0)
                | (filter.region() == null ? DivergenceCountTable.ANY_REGION : 0);
        where.add("rolled_up = :rolledUp");
        params.addValue("rolledUp", rolledUp);
        return where;
    }

    /**
     * Reads the counts the projection keeps ({@link DivergenceCountTable}). Only an age filter ({@code divergentFor})
     * still counts the flag table: the age of every divergence moves with {@code asOf}, so no kept count can hold it.
     */
    @QueryHandler
    @Transactional(readOnly = true)
    public DivergenceCounts handle(CountDivergences query) {
        ReconciliationFilter filter = query.filter();
        if (filter.divergentFor() != null) {
            return countFlags(filter);
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        // The kept counts carry the flag table's filter columns under the same names (without an age filter, the
        // conditions are those of the flags); a missing legal entity is stored as '', which no filter value matches.
        List<String> where = flagConditions(filter, params, "");
        List<DivergenceCounts.Count> counts = jdbc.query("SELECT flag, region, system_id, document_type,"
                + " SUM(divergences) AS n FROM reconciliation_flag_count" + whereClause(where)
                + " GROUP BY flag, region, system_id, document_type HAVING SUM(divergences) > 0"
                + " ORDER BY flag, region, system_id, document_type", params, (rs, n) -> count(rs));
        long documents = jdbc.queryForObject("SELECT COALESCE(SUM(documents), 0) FROM "
                + "reconciliation_flag_document_count" + whereClause(keptDocumentConditions(filter, params)), params,
                Long.class);
        return new DivergenceCounts(counts, counts.stream().mapToLong(DivergenceCounts.Count::count).sum(), documents);
    }

    /** The counts straight from the flag table, for filters the kept counts cannot answer. */
    private DivergenceCounts countFlags(ReconciliationFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = flagWhere(filter, params);
        List<DivergenceCounts.Count> counts = jdbc.query("SELECT flag, region, system_id, document_type, COUNT(*) AS n"
                + " FROM reconciliation_flag" + where + " GROUP BY flag, region, system_id, document_type"
                + " ORDER BY flag, region, system_id, document_type", params, (rs, n) -> count(rs));
        long documents = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT document_type, document_id FROM "
                + "reconciliation_flag" + where + ") d", params, Long.class);
        return new DivergenceCounts(counts, counts.stream().mapToLong(DivergenceCounts.Count::count).sum(), documents);
    }

    private static DivergenceCounts.Count count(ResultSet rs) throws SQLException {
        return new DivergenceCounts.Count(Divergence.valueOf(rs.getString("flag")), rs.getString("region"),
                system(rs.getString("system_id")), DocumentType.valueOf(rs.getString("document_type")),
                rs.getLong("n"));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public CaughtDuplicatePage handle(FindCaughtDuplicates query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("limit", query.page().size())
                .addValue("offset", (long) query.page().page() * query.page().size());
        List<String> where = new ArrayList<>();
        if (query.documentType() != null) {
            where.add("document_type = :type");
            params.addValue("type", query.documentType().name());
        }
        if (query.documentId() != null) {
            where.add("(original_id = :document OR attempted_id = :document)");
            params.addValue("document", query.documentId());
        }
        if (query.caughtSince() != null) {
            where.add("caught_at >= :since");
            params.addValue("since", ReconciliationTable.ts(query.caughtSince()));
        }
        String filter = whereClause(where);
        List<CaughtDuplicate> items = jdbc.query("SELECT * FROM duplicate_caught" + filter
                + " ORDER BY caught_at DESC, event_id LIMIT :limit OFFSET :offset", params, DuplicateTable.ROW)
                .stream().map(DuplicateRow::toCaughtDuplicate).toList();
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM duplicate_caught" + filter, params, Long.class);
        return new CaughtDuplicatePage(items, query.page().page(), query.page().size(), total);
    }

    private List<ReconciliationEntry> entries(List<Key> keys, Instant asOf) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // The keys as two arrays joined through unnest: the statement's text is the same for every page, so the
        // driver prepares it once and PostgreSQL plans it once, where a row IN list of a page's keys was planned
        // anew on every call (1.3 ms of planning per query at a page of 50, three queries per page).
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("types", keys.stream().map(Key::type).toArray(String[]::new))
                .addValue("ids", keys.stream().map(Key::id).toArray(String[]::new));
        String in = " x JOIN unnest(CAST(:types AS text[]), CAST(:ids AS text[])) AS k(type, id)"
                + " ON x.document_type = k.type AND x.document_id = k.id";
        Map<DocumentKey, ReconciliationTable.Loading> documents = new LinkedHashMap<>();
        jdbc.query("SELECT x.* FROM reconciliation_document" + in, params, (ResultSet rs) -> {
            ReconciliationTable.Loading document = new ReconciliationTable.Loading(ReconciliationTable.document(rs));
            documents.put(document.key(), document);
        });
        jdbc.query("SELECT x.* FROM reconciliation_system" + in, params,
                (ResultSet rs) -> ReconciliationTable.Loading.system(documents, rs));
        jdbc.query("SELECT x.* FROM reconciliation_flag" + in, params,
                (ResultSet rs) -> ReconciliationTable.Loading.divergence(documents, rs));
        Map<Key, DocumentState> loaded = new HashMap<>();
        ReconciliationTable.Loading.loaded(documents.values())
                .forEach(document -> loaded.put(new Key(document.type().name(), document.id()), document));
        List<ReconciliationEntry> entries = keys.stream().map(loaded::get).filter(Objects::nonNull)
                .map(document -> document.toEntry(asOf)).toList();
        return withParkedIn(entries);
    }

    /**
     * Marks the entries whose document a projection has parked (Axon's dead-letter queue, sequenced by document;
     * a payment's events are its invoice's): a view that cannot be current says so.
     */
    private List<ReconciliationEntry> withParkedIn(List<ReconciliationEntry> entries) {
        Map<String, List<String>> parked = new HashMap<>();
        jdbc.query("SELECT DISTINCT sequence_identifier, processing_group FROM dead_letter_entry"
                        + " WHERE sequence_identifier = ANY(CAST(:ids AS text[])) ORDER BY 2",
                new MapSqlParameterSource("ids", entries.stream().map(ReconciliationQueries::parkedUnder)
                        .distinct().toArray(String[]::new)),
                (ResultSet rs) -> {
                    parked.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        if (parked.isEmpty()) {
            return entries;
        }
        return entries.stream()
                .map(entry -> entry.withParkedIn(parked.getOrDefault(parkedUnder(entry), List.of())))
                .toList();
    }

    /** The dead-letter sequence of the entry's document: its stored key, e.g. {@code purchase-order:COLL-1}. */
    private static String parkedUnder(ReconciliationEntry entry) {
        return switch (entry.documentType()) {
            case SUPPLIER -> DocumentKind.SUPPLIER.key(entry.documentId());
            case PURCHASE_ORDER -> DocumentKind.PURCHASE_ORDER.key(entry.documentId());
            case INVOICE -> DocumentKind.INVOICE.key(entry.documentId());
            case PAYMENT -> DocumentKind.INVOICE.key(entry.parentKey() != null ? entry.parentKey() : entry.documentId());
        };
    }

    /** The filter on the divergence table: the document's columns plus the divergence's own. */
    private static String flagWhere(ReconciliationFilter filter, MapSqlParameterSource params) {
        return whereClause(flagConditions(filter, params, ""));
    }

    /** The conditions of {@link #flagWhere} on the columns of {@code alias} (empty or "x."). */
    private static List<String> flagConditions(ReconciliationFilter filter, MapSqlParameterSource params,
                                               String alias) {
        List<String> where = documentConditions(filter, params, alias);
        if (filter.divergence() != null) {
            where.add(alias + "flag = :flag");
            params.addValue("flag", filter.divergence().name());
        }
        if (filter.system() != null) {
            where.add(alias + "system_id = :system");
            params.addValue("system", filter.system().value());
        }
        if (filter.divergentFor() != null) {
            where.add(alias + "since <= :startedBy");
            params.addValue("startedBy", ReconciliationTable.ts(filter.asOf().minus(filter.divergentFor())));
        }
        return where;
    }

    private static String documentWhere(ReconciliationFilter filter, MapSqlParameterSource params) {
        return whereClause(documentConditions(filter, params, ""));
    }

    /** Both tables carry document type, region and legal entity under the same names. */
    private static List<String> documentConditions(ReconciliationFilter filter, MapSqlParameterSource params,
                                                   String alias) {
        List<String> where = new ArrayList<>();
        if (filter.documentType() != null) {
            where.add(alias + "document_type = :type");
            params.addValue("type", filter.documentType().name());
        }
        if (filter.region() != null) {
            where.add(alias + "region = :region");
            params.addValue("region", filter.region());
        }
        if (filter.legalEntity() != null) {
            where.add(alias + "legal_entity = :legalEntity");
            params.addValue("legalEntity", filter.legalEntity().value());
        }
        return where;
    }

    private static String whereClause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    static SystemId system(String value) {
        return value == null || value.isEmpty() ? null : SystemId.of(value);
    }

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(rs.getString("document_type"), rs.getString("document_id"));
    }

    private record Key(String type, String id) {
    }
}
