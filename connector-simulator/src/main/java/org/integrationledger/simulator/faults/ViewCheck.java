package org.integrationledger.simulator.faults;

import org.integrationledger.simulator.benchmark.Database;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.ReferenceScenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The view-vs-store check: what the event store holds (read in SQL, never through the ledger) against what each view
 * says it applied. Counting views ({@code purchase_order_view.event_count}, {@code invoice_view.event_count}) must
 * equal the document's events; {@code trace_step} must hold a row per event; the reconciliation view's kept
 * divergence counts must equal its open divergences; and every projection's live checksum must equal the checksum of
 * a rebuild from the store. Acknowledged messages must have their events and their idempotency row.
 */
final class ViewCheck {

    /** One document (or count row) whose view disagrees with the store. */
    record Mismatch(String view, String documentId, long viewCount, long storeCount) {

        boolean appliedTwice() {
            return viewCount > storeCount;
        }

        @Override
        public String toString() {
            return view + " " + documentId + ": view " + (viewCount < 0 ? "no row" : Long.toString(viewCount))
                    + ", store " + storeCount;
        }
    }

    /**
     * Events a view is known to lack, so the check expects the document's view to stand exactly {@code letters} events
     * below the store: parked in the ledger's dead-letter queue (listed by the ledger) or evicted by an operator.
     */
    record Shortfall(String processor, String documentId, long letters, String why) {
    }

    /** A document the ledger lists as parked: its processor, sequence (the document id) and parked events. */
    record Parked(String processor, String sequence, String documentId, int letters) {
    }

    /** What the check found: mismatches, and the documents that stand below the store by exactly their shortfall. */
    record Accounting(List<Mismatch> mismatches, List<String> accountedFor) {
    }

    /** A projection whose live checksum differs from its rebuild's (or whose rebuild did not complete). */
    record ChecksumMismatch(String projection, String live, String rebuilt) {
    }

    static final List<String> PROJECTIONS = List.of("purchase-order-view", "supplier-view", "reconciliation-view",
            "trace-view", "invoice-view");

    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    private static final Pattern GAPS = Pattern.compile("\"gaps\"\s*:\s*\\[([^\\]]*)]");
    private static final Pattern PARKED = Pattern.compile(
            "\"processor\":\"([^\"]+)\",\"sequence\":\"([^\"]+)\",\"documentId\":(?:null|\"([^\"]*)\")");
    private static final Pattern LETTERS = Pattern.compile("\"letters\":(\\d+)");
    /** The processors whose view the check counts per document, and the name of that count in a {@link Mismatch}. */
    static final Map<String, String> COUNTED_BY_PROCESSOR = Map.of(
            "purchase-order-view", "purchase_order_view.event_count",
            "invoice-view", "invoice_view.event_count",
            "trace-view", "trace_step rows");
    private static final Pattern FIELD = Pattern.compile("\"(state|checksum|failure)\"\\s*:\\s*(null|\"([^\"]*)\")");

    /** Counting views: table, key column, aggregate type in the store. */
    private static final Map<String, String[]> COUNTING_VIEWS = new LinkedHashMap<>();

    static {
        COUNTING_VIEWS.put("purchase_order_view", new String[]{"purchase_order_id", "PurchaseOrder"});
        COUNTING_VIEWS.put("invoice_view", new String[]{"invoice_id", "Invoice"});
    }

    private final Database database;
    private final String url;

    ViewCheck(Database database, String url) {
        this.database = database;
        this.url = url;
    }

    /**
     * Waits until every streaming processor's token (every segment) has reached the newest global index, and the
     * counts have stopped moving; answers the seconds it took, or -1 if {@code timeout} passed first.
     */
    double awaitCaughtUp(Duration timeout) throws SQLException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        String lastCounts = null;
        while (System.nanoTime() < deadline) {
            long head = Long.parseLong(database.scalar(url, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry"));
            if (lowestTokenIndex() >= head) {
                String counts = database.scalar(url, "SELECT (SELECT coalesce(sum(event_count), 0) FROM purchase_order_view)"
                        + " || '/' || (SELECT coalesce(sum(event_count), 0) FROM invoice_view)"
                        + " || '/' || (SELECT count(*) FROM trace_step)");
                if (counts.equals(lastCounts)) {
                    return (System.nanoTime() - t0) / 1e9;
                }
                lastCounts = counts;
            }
            Load.sleep(500);
        }
        return -1;
    }

    /** The lowest position of any segment of any streaming processor; -1 if one has no token yet. */
    long lowestTokenIndex() throws SQLException {
        long lowest = Long.MAX_VALUE;
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT convert_from(token, 'UTF8') FROM token_entry")) {
            while (rows.next()) {
                String token = rows.getString(1);
                long index = -1;
                if (token != null) {
                    Matcher matcher = INDEX.matcher(token);
                    while (matcher.find()) {
                        index = Math.max(index, Long.parseLong(matcher.group(1)));
                    }
                }
                lowest = Math.min(lowest, index);
            }
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    /**
     * Every segment's stored token: processor/segment, index, and its gaps, marking (with *) the gaps that are final
     * now (no event holds that index: its transaction rolled back or died with the process). Read right after a kill,
     * before the restart, these are exactly the tokens the restarted processors resume from.
     */
    List<String> tokens() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT processor_name, segment, convert_from(token, 'UTF8'), owner FROM token_entry
                     ORDER BY processor_name, segment""")) {
            while (rows.next()) {
                String token = rows.getString(3);
                Matcher index = INDEX.matcher(token == null ? "" : token);
                Matcher gaps = GAPS.matcher(token == null ? "" : token);
                lines.add(rows.getString(1) + "/" + rows.getInt(2) + " index " + (index.find() ? index.group(1) : "none")
                        + " gaps [" + (gaps.find() ? gaps.group(1) : "") + "]");
            }
        }
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement()) {
            List<String> marked = new ArrayList<>();
            for (String line : lines) {
                String gaps = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
                if (gaps.isBlank()) {
                    marked.add(line);
                    continue;
                }
                Set<Long> existing = new HashSet<>();
                try (ResultSet rows = statement.executeQuery("SELECT global_index FROM domain_event_entry WHERE global_index IN ("
                        + gaps + ")")) {
                    while (rows.next()) {
                        existing.add(rows.getLong(1));
                    }
                }
                StringBuilder shown = new StringBuilder();
                for (String gap : gaps.split(",")) {
                    long g = Long.parseLong(gap.trim());
                    shown.append(shown.isEmpty() ? "" : ",").append(g).append(existing.contains(g) ? "" : "*");
                }
                marked.add(line.substring(0, line.indexOf('[') + 1) + shown + "]");
            }
            return marked;
        }
    }

    /**
     * Whether a restart now could hand a counting view an event again: a segment of {@code purchase-order-view} or
     * {@code invoice-view} has stored a token with gaps, and another segment of the same processor stands below it, so
     * the restarted processor re-reads events the first segment has already applied. A description, or null.
     */
    String redeliveryWindow() throws SQLException {
        Map<String, List<long[]>> byProcessor = new HashMap<>();
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT processor_name, convert_from(token, 'UTF8') FROM token_entry
                     WHERE processor_name IN ('purchase-order-view', 'invoice-view') AND token IS NOT NULL""")) {
            while (rows.next()) {
                String token = rows.getString(2);
                Matcher index = INDEX.matcher(token);
                Matcher gaps = GAPS.matcher(token);
                long gapCount = gaps.find() && !gaps.group(1).isBlank() ? gaps.group(1).split(",").length : 0;
                if (index.find()) {
                    byProcessor.computeIfAbsent(rows.getString(1), p -> new ArrayList<>())
                            .add(new long[]{Long.parseLong(index.group(1)), gapCount});
                }
            }
        }
        for (Map.Entry<String, List<long[]>> processor : byProcessor.entrySet()) {
            long lowest = processor.getValue().stream().mapToLong(t -> t[0]).min().orElse(0);
            for (long[] token : processor.getValue()) {
                if (token[1] > 0 && token[0] > lowest) {
                    return processor.getKey() + ": a segment at " + token[0] + " with " + token[1]
                            + " gaps, another at " + lowest;
                }
            }
        }
        return null;
    }

    /** A document's events in the store: global index, sequence number and type, for a finding's evidence. */
    String events(String documentId) throws SQLException {
        StringBuilder events = new StringBuilder();
        try (Connection connection = database.connect(url); var statement = connection.prepareStatement("""
                SELECT global_index, sequence_number, payload_type FROM domain_event_entry
                WHERE aggregate_identifier IN (?, 'purchase-order:' || ?, 'invoice:' || ?, 'supplier:' || ?)
                ORDER BY aggregate_identifier, sequence_number""")) {
            for (int i = 1; i <= 4; i++) {
                statement.setString(i, documentId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(3);
                    events.append(events.isEmpty() ? "" : ", ").append('#').append(rows.getLong(1)).append(' ')
                            .append(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return events.toString();
    }

    /** Owners of the claimed segments: owner → number of segments (Axon's node id, {@code pid@host}). */
    Map<String, Integer> segmentOwners() throws SQLException {
        Map<String, Integer> owners = new HashMap<>();
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT owner FROM token_entry WHERE owner IS NOT NULL")) {
            while (rows.next()) {
                owners.merge(rows.getString(1), 1, Integer::sum);
            }
        }
        return owners;
    }

    /** Every document and count row on which a view disagrees with the store. */
    List<Mismatch> mismatches() throws SQLException {
        List<Mismatch> found = new ArrayList<>();
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String[]> view : COUNTING_VIEWS.entrySet()) {
                String key = view.getValue()[0];
                collect(statement, found, view.getKey() + ".event_count", """
                        SELECT coalesce(v.%2$s, s.id), coalesce(v.event_count, -1), coalesce(s.n, 0)
                        FROM %1$s v
                        FULL JOIN (SELECT ledger_chain_document_id(aggregate_identifier, type) AS id, count(*) AS n
                                   FROM domain_event_entry WHERE type = '%3$s'
                                   GROUP BY aggregate_identifier, type) s ON s.id = v.%2$s
                        WHERE v.event_count IS DISTINCT FROM s.n
                        ORDER BY 1""".formatted(view.getKey(), key, view.getValue()[1]));
            }
            // trace_step is keyed by event id, so an event applied twice cannot show; one it never applied can.
            collect(statement, found, "trace_step rows", """
                    SELECT ledger_chain_document_id(e.aggregate_identifier, e.type), count(t.event_id), count(*)
                    FROM domain_event_entry e LEFT JOIN trace_step t ON t.event_id = e.event_identifier
                    WHERE e.type IN ('PurchaseOrder', 'Invoice', 'Supplier')
                    GROUP BY e.aggregate_identifier, e.type HAVING count(t.event_id) <> count(*)
                    ORDER BY 1""");
            // Kept by deltas in the transaction that changes reconciliation_flag: a divergence counted twice shows.
            collect(statement, found, "reconciliation_flag_count", """
                    SELECT coalesce(c.flag, f.flag) || '/' || coalesce(c.region, f.region) || '/'
                               || coalesce(c.system_id, f.system_id) || '/' || coalesce(c.document_type, f.document_type)
                               || '/' || coalesce(c.legal_entity, f.legal_entity),
                           coalesce(c.divergences, -1), coalesce(f.n, 0)
                    FROM reconciliation_flag_count c
                    FULL JOIN (SELECT flag, region, system_id, document_type, coalesce(legal_entity, '') AS legal_entity,
                                      count(*) AS n
                               FROM reconciliation_flag GROUP BY 1, 2, 3, 4, 5) f
                           ON (c.flag, c.region, c.system_id, c.document_type, c.legal_entity)
                              = (f.flag, f.region, f.system_id, f.document_type, f.legal_entity)
                    WHERE coalesce(c.divergences, 0) <> coalesce(f.n, 0)
                    ORDER BY 1""");
        }
        return found;
    }

    /**
     * The check with known shortfalls: a document with parked or evicted events is no mismatch when its view stands
     * below the store by exactly those events (it is named in {@code accountedFor}), and is one otherwise, either way:
     * a view that shows a parked or evicted event, or lacks another one, still fails the check.
     */
    Accounting mismatches(List<Shortfall> shortfalls) throws SQLException {
        List<Mismatch> all = mismatches();
        Map<String, Long> stored = new HashMap<>();
        for (Shortfall shortfall : shortfalls) {
            String view = COUNTED_BY_PROCESSOR.get(shortfall.processor());
            if (view != null) {
                stored.put(view + " " + shortfall.documentId(), storeCount(view, shortfall.documentId()));
            }
        }
        return account(all, shortfalls, stored);
    }

    /**
     * {@link #mismatches(List)} on given rows: {@code all} as {@link #mismatches()} found them, {@code stored} the
     * store's count for each (view, document) of a shortfall ("view document" keys).
     */
    static Accounting account(List<Mismatch> all, List<Shortfall> shortfalls, Map<String, Long> stored) {
        Map<String, Long> expectedShort = new LinkedHashMap<>();
        Map<String, String> why = new HashMap<>();
        for (Shortfall shortfall : shortfalls) {
            String view = COUNTED_BY_PROCESSOR.get(shortfall.processor());
            if (view != null) {
                String key = view + " " + shortfall.documentId();
                expectedShort.merge(key, shortfall.letters(), Long::sum);
                why.merge(key, shortfall.why(), (a, b) -> a.equals(b) ? a : a + ", " + b);
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        List<String> accounted = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (Mismatch mismatch : all) {
            String key = mismatch.view() + " " + mismatch.documentId();
            Long missing = expectedShort.get(key);
            if (missing != null) {
                matched.add(key);
                if (Math.max(mismatch.viewCount(), 0) == mismatch.storeCount() - missing) {
                    accounted.add(mismatch + " (" + why.get(key) + ": " + missing + ")");
                    continue;
                }
            }
            mismatches.add(mismatch);
        }
        for (Map.Entry<String, Long> expected : expectedShort.entrySet()) {
            if (!matched.contains(expected.getKey()) && expected.getValue() > 0) {
                // The view equals the store although the ledger says these events never reached it.
                String key = expected.getKey();
                String view = key.substring(0, key.indexOf(' '));
                long store = stored.getOrDefault(key, 0L);
                mismatches.add(new Mismatch(view + " (" + why.get(key) + ": " + expected.getValue() + ")",
                        key.substring(key.indexOf(' ') + 1), store, store - expected.getValue()));
            }
        }
        return new Accounting(mismatches, accounted);
    }

    private long storeCount(String view, String documentId) throws SQLException {
        // The store keys a document by its type and business id (purchase-order:COLL-1).
        String keys = switch (view) {
            case "purchase_order_view.event_count" -> "'purchase-order:' || ?";
            case "invoice_view.event_count" -> "'invoice:' || ?";
            default -> "'purchase-order:' || ?, 'invoice:' || ?, 'supplier:' || ?";
        };
        try (Connection connection = database.connect(url); var statement = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (" + keys + ")")) {
            for (int i = 1; i <= keys.chars().filter(c -> c == '?').count(); i++) {
                statement.setString(i, documentId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The documents the ledger lists as parked ({@code GET /api/v1/operations/dead-letters}). */
    static List<Parked> parked(LedgerClient ledger) {
        LedgerClient.Answer answer = ledger.get("/api/v1/operations/dead-letters", ReferenceScenario.REPORTING_KEY);
        if (answer.status() != 200) {
            throw new IllegalStateException("dead-letter list answered " + answer.status() + ": " + answer.body());
        }
        List<Parked> parked = new ArrayList<>();
        Matcher document = PARKED.matcher(answer.body());
        Matcher letters = LETTERS.matcher(answer.body());
        while (document.find()) {
            int count = letters.find(document.end()) ? Integer.parseInt(letters.group(1)) : 0;
            parked.add(new Parked(document.group(1), document.group(2),
                    document.group(3) == null ? document.group(2) : document.group(3), count));
        }
        return parked;
    }

    private static void collect(Statement statement, List<Mismatch> into, String view, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                into.add(new Mismatch(view, rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
        }
    }

    /**
     * Acknowledged messages whose promise the store does not keep: no idempotency row for the message id, or the
     * document's events end below the acknowledged ledger version.
     */
    List<String> lostAcknowledgments(List<Load.Ack> acks) throws SQLException {
        Set<String> messages = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT message_id FROM connector_message")) {
                while (rows.next()) {
                    messages.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT ledger_chain_document_id(aggregate_identifier, type), max(sequence_number) "
                            + "FROM domain_event_entry GROUP BY 1")) {
                while (rows.next()) {
                    lastSequence.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        List<String> lost = new ArrayList<>();
        for (Load.Ack ack : acks) {
            if (!messages.contains(ack.messageId())) {
                lost.add(ack.messageId() + " (" + ack.documentId() + "): acknowledged, no connector_message row");
            } else if (ack.recorded() > 0 && lastSequence.getOrDefault(ack.documentId(), -1L) < ack.ledgerVersion()) {
                lost.add(ack.messageId() + " (" + ack.documentId() + "): acknowledged version " + ack.ledgerVersion()
                        + ", store ends at " + lastSequence.getOrDefault(ack.documentId(), -1L));
            }
        }
        return lost;
    }

    /**
     * Live checksum of every projection at rest, then a rebuild of all of them in one pass, then the rebuilt checksums;
     * the projections whose checksums differ. The rebuild replaces the live rows, so this runs last.
     */
    static List<ChecksumMismatch> checksumsAgainstRebuild(LedgerClient ledger, Duration timeout) {
        Map<String, String> live = new LinkedHashMap<>();
        for (String projection : PROJECTIONS) {
            LedgerClient.Answer answer = ledger.get("/api/v1/audit/projections/" + projection + "/checksum",
                    ReferenceScenario.ADMIN_KEY);
            live.put(projection, answer.status() == 200 ? field(answer.body(), "checksum") : "HTTP " + answer.status());
        }
        LedgerClient.Answer started = ledger.post("/api/v1/audit/projections/rebuild", ReferenceScenario.ADMIN_KEY);
        List<ChecksumMismatch> mismatches = new ArrayList<>();
        if (started.status() != 202) {
            PROJECTIONS.forEach(p -> mismatches.add(new ChecksumMismatch(p, live.get(p), "rebuild answered "
                    + started.status())));
            return mismatches;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String projection : PROJECTIONS) {
            String rebuilt = null;
            while (rebuilt == null) {
                LedgerClient.Answer progress = ledger.get("/api/v1/audit/projections/" + projection + "/rebuild",
                        ReferenceScenario.ADMIN_KEY);
                String state = progress.status() == 200 ? field(progress.body(), "state") : null;
                if ("COMPLETED".equals(state)) {
                    rebuilt = String.valueOf(field(progress.body(), "checksum"));
                } else if ("FAILED".equals(state)) {
                    rebuilt = "FAILED: " + field(progress.body(), "failure");
                } else if (System.nanoTime() > deadline) {
                    rebuilt = "not completed in " + timeout;
                } else {
                    Load.sleep(500);
                }
            }
            if (!rebuilt.equals(live.get(projection))) {
                mismatches.add(new ChecksumMismatch(projection, live.get(projection), rebuilt));
            }
        }
        return mismatches;
    }

    static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(3);
            }
        }
        return null;
    }
}
