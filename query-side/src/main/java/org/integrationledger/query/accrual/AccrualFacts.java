package org.integrationledger.query.accrual;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code accrual_fact} table: an order's facts for the fold, new facts, and the facts of a report's open lines. */
@Repository
class AccrualFacts {

    static final String COLUMNS = "event_id, ordinal, purchase_order_id, line_number, kind, legal_entity, "
            + "supplier_id, currency, routed_to, source_system, quantity, unit_of_measure, amount, fact_currency, "
            + "unit_price, order_version, invoice_id, reference, goods_receipt_required, occurred_at, recorded_at";

    /** accrual_line's columns, in the order of {@link #lineRow}. */
    static final String LINE_COLUMNS = "purchase_order_id, line_number, legal_entity, currency, supplier_id, "
            + "open_now, varies_now, first_occurred_at, last_occurred_at, first_recorded_at, last_recorded_at";

    private static final RowMapper<AccrualFact> ROW = (rs, n) -> new AccrualFact(rs.getString("event_id"),
            rs.getInt("ordinal"), rs.getString("purchase_order_id"), rs.getInt("line_number"),
            FactKind.valueOf(rs.getString("kind")), rs.getString("legal_entity"), rs.getString("supplier_id"),
            rs.getString("currency"), rs.getString("routed_to"), rs.getString("source_system"),
            rs.getBigDecimal("quantity"), rs.getString("unit_of_measure"), rs.getBigDecimal("amount"),
            rs.getString("fact_currency"), rs.getBigDecimal("unit_price"), rs.getInt("order_version"),
            rs.getString("invoice_id"), rs.getString("reference"), rs.getBoolean("goods_receipt_required"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant());

    /** The live tables' names; a rebuild's tables beside them have {@link #REBUILT} appended. */
    static final List<String> TABLES = List.of("accrual_fact", "accrual_line", "accrual_balance",
            "accrual_balance_known");
    static final String REBUILT = "_rebuilt";

    private final JdbcTemplate jdbc;
    private final String factTable;
    private final String lineTable;
    private final String balanceTable;
    private final String knownTable;

    @Autowired
    AccrualFacts(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    private AccrualFacts(JdbcTemplate jdbc, String suffix) {
        this.jdbc = jdbc;
        this.factTable = "accrual_fact" + suffix;
        this.lineTable = "accrual_line" + suffix;
        this.balanceTable = "accrual_balance" + suffix;
        this.knownTable = "accrual_balance_known" + suffix;
    }

    /** The same reads and writes over a rebuild's tables beside the live ones. */
    AccrualFacts rebuilt() {
        return new AccrualFacts(jdbc, REBUILT);
    }

    OrderFacts load(String purchaseOrderId) {
        return OrderFacts.of(purchaseOrderId, jdbc.query("SELECT " + COLUMNS + " FROM " + factTable + " "
                + "WHERE purchase_order_id = ? ORDER BY recorded_at, event_id, ordinal", ROW, purchaseOrderId));
    }

    /** The facts of these orders, each order's in the order {@link #load} reads them, for a rebuild's last events. */
    Map<String, List<AccrualFact>> loadAll(Collection<String> purchaseOrderIds) {
        Map<String, List<AccrualFact>> byOrder = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM " + factTable + " WHERE purchase_order_id = ANY (?) "
                        + "ORDER BY purchase_order_id, recorded_at, event_id, ordinal", ROW,
                (Object) purchaseOrderIds.toArray(String[]::new))
                .forEach(fact -> byOrder.computeIfAbsent(fact.purchaseOrderId(), order -> new ArrayList<>()).add(fact));
        return byOrder;
    }

    /** A fact's values in the order of {@link #COLUMNS}, for COPY. */
    static Object[] row(AccrualFact f) {
        return new Object[] {f.eventId(), f.ordinal(), f.purchaseOrderId(), f.lineNumber(), f.kind(),
                f.legalEntity(), f.supplierId(), f.currency(), f.routedTo(), f.sourceSystem(), f.quantity(),
                f.unitOfMeasure(), f.amount(), f.factCurrency(), f.unitPrice(), f.orderVersion(), f.invoiceId(),
                f.reference(), f.goodsReceiptRequired(), f.occurredAt(), f.recordedAt()};
    }

    /** A line's state in the order of {@link #LINE_COLUMNS}, for COPY. */
    static Object[] lineRow(AccrualBalances.LineState l) {
        return new Object[] {l.purchaseOrderId(), l.lineNumber(), l.legalEntity(), l.currency(), l.supplierId(),
                l.openNow(), l.variesNow(), l.firstOccurredAt(), l.lastOccurredAt(), l.firstRecordedAt(),
                l.lastRecordedAt()};
    }

    Optional<String> purchaseOrderOf(String invoiceId) {
        return jdbc.queryForList("SELECT purchase_order_id FROM " + factTable + " WHERE invoice_id = ? LIMIT 1",
                String.class, invoiceId).stream().findFirst();
    }

    /** Writes new facts; a fact already written (an event delivered again) is left as it is. */
    void insert(List<AccrualFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO " + factTable + " (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (event_id, ordinal) DO NOTHING", facts, facts.size(), (ps, f) -> {
                    ps.setString(1, f.eventId());
                    ps.setInt(2, f.ordinal());
                    ps.setString(3, f.purchaseOrderId());
                    ps.setInt(4, f.lineNumber());
                    ps.setString(5, f.kind().name());
                    ps.setString(6, f.legalEntity());
                    ps.setString(7, f.supplierId());
                    ps.setString(8, f.currency());
                    ps.setString(9, f.routedTo());
                    ps.setString(10, f.sourceSystem());
                    ps.setBigDecimal(11, f.quantity());
                    ps.setString(12, f.unitOfMeasure());
                    ps.setBigDecimal(13, f.amount());
                    ps.setString(14, f.factCurrency());
                    ps.setBigDecimal(15, f.unitPrice());
                    ps.setInt(16, f.orderVersion());
                    ps.setString(17, f.invoiceId());
                    ps.setString(18, f.reference());
                    ps.setBoolean(19, f.goodsReceiptRequired());
                    ps.setTimestamp(20, Timestamp.from(f.occurredAt()));
                    ps.setTimestamp(21, Timestamp.from(f.recordedAt()));
                });
    }

    void deleteAll() {
        jdbc.update("DELETE FROM " + factTable);
        jdbc.update("DELETE FROM " + lineTable);
        jdbc.update("DELETE FROM " + balanceTable);
        jdbc.update("DELETE FROM " + knownTable);
    }

    /** Adds an event's balance changes to the running balances and writes the touched lines' states. */
    void apply(AccrualBalances.Changes changes) {
        if (!changes.days().isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + balanceTable + " AS b (legal_entity, currency, business_day, measure, "
                    + "lines, amount) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (legal_entity, currency, business_day, measure) "
                    + "DO UPDATE SET lines = b.lines + excluded.lines, amount = b.amount + excluded.amount",
                    changes.days(), changes.days().size(), (ps, d) -> {
                        ps.setString(1, d.key().legalEntity());
                        ps.setString(2, d.key().currency());
                        ps.setObject(3, d.day());
                        ps.setString(4, d.key().measure());
                        ps.setLong(5, d.amounts().lines());
                        ps.setBigDecimal(6, d.amounts().amount());
                    });
        }
        if (!changes.known().isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + knownTable + " AS b (legal_entity, currency, business_day, "
                    + "recorded_at, measure, lines, amount) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (legal_entity, "
                    + "currency, business_day, recorded_at, measure) "
                    + "DO UPDATE SET lines = b.lines + excluded.lines, amount = b.amount + excluded.amount",
                    changes.known(), changes.known().size(), (ps, d) -> {
                        ps.setString(1, d.key().legalEntity());
                        ps.setString(2, d.key().currency());
                        ps.setObject(3, d.day());
                        ps.setTimestamp(4, Timestamp.from(d.recordedAt()));
                        ps.setString(5, d.key().measure());
                        ps.setLong(6, d.amounts().lines());
                        ps.setBigDecimal(7, d.amounts().amount());
                    });
        }
        if (!changes.lines().isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + lineTable + " (purchase_order_id, line_number, legal_entity, currency, "
                    + "supplier_id, open_now, varies_now, first_occurred_at, last_occurred_at, first_recorded_at, "
                    + "last_recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (purchase_order_id, line_number) DO UPDATE SET "
                    + "legal_entity = excluded.legal_entity, currency = excluded.currency, "
                    + "supplier_id = excluded.supplier_id, open_now = excluded.open_now, "
                    + "varies_now = excluded.varies_now, first_occurred_at = excluded.first_occurred_at, "
                    + "last_occurred_at = excluded.last_occurred_at, first_recorded_at = excluded.first_recorded_at, "
                    + "last_recorded_at = excluded.last_recorded_at",
                    changes.lines(), changes.lines().size(), (ps, l) -> {
                        ps.setString(1, l.purchaseOrderId());
                        ps.setInt(2, l.lineNumber());
                        ps.setString(3, l.legalEntity());
                        ps.setString(4, l.currency());
                        ps.setString(5, l.supplierId());
                        ps.setBoolean(6, l.openNow());
                        ps.setBoolean(7, l.variesNow());
                        ps.setTimestamp(8, Timestamp.from(l.firstOccurredAt()));
                        ps.setTimestamp(9, Timestamp.from(l.lastOccurredAt()));
                        ps.setTimestamp(10, Timestamp.from(l.firstRecordedAt()));
                        ps.setTimestamp(11, Timestamp.from(l.lastRecordedAt()));
                    });
        }
    }

    /**
     * The totals per legal entity, currency and measure at the criteria's period end: a sum over the balances per
     * business day (as known now) or per business day and recorded instant (as known at {@code knownAt}). The
     * supplier filter is not a balance dimension; {@link AccrualQueries} folds a supplier's few lines instead.
     */
    List<Total> totals(AccrualCriteria criteria) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("business_day <= ?");
        args.add(criteria.periodEnd());
        if (!criteria.knownNow()) {
            where.append(" AND recorded_at <= ?");
            args.add(Timestamp.from(criteria.knownAt()));
        }
        if (criteria.legalEntity() != null) {
            where.append(" AND legal_entity = ?");
            args.add(criteria.legalEntity());
        }
        if (criteria.currency() != null) {
            where.append(" AND currency = ?");
            args.add(criteria.currency());
        }
        return jdbc.query("SELECT legal_entity, currency, measure, sum(lines) AS lines, sum(amount) AS amount "
                        + "FROM " + (criteria.knownNow() ? balanceTable : knownTable)
                        + " WHERE " + where + " GROUP BY legal_entity, currency, measure "
                        + "HAVING sum(lines) <> 0 OR sum(amount) <> 0 ORDER BY legal_entity, currency, measure",
                (rs, n) -> new Total(rs.getString("legal_entity"), rs.getString("currency"), rs.getString("measure"),
                        rs.getLong("lines"), rs.getBigDecimal("amount")), args.toArray());
    }

    /**
     * Up to {@code limit} lines after {@code after} (in order id and line number order) that can be open under the
     * criteria (with {@code varying}: that can carry a variance reason), by {@link AccrualBalances.LineState}: open
     * (varying) with every fact in, or with a fact after the period end or recorded after knownAt.
     * <p>
     * Each of those reasons is a branch of its own, merged in key order: one condition with {@code OR} can only be
     * answered by walking every line of the legal entity in key order, which costs a scan of all of them when few
     * match (a variance page at a close where nothing varies). A branch can use its own index (migration
     * V202612085001): the open or varying lines' partial indexes in key order, or the lines with a fact after a time.
     */
    List<LineRef> candidates(AccrualCriteria criteria, LineRef after, int limit, boolean varying) {
        Timestamp periodEndsAt = Timestamp.from(criteria.periodEndsAt());
        List<Object> commonArgs = new ArrayList<>();
        // A line whose facts all came after the period end, or were all recorded after knownAt, is not in it.
        StringBuilder common = new StringBuilder(" AND first_occurred_at < ?");
        commonArgs.add(periodEndsAt);
        if (!criteria.knownNow()) {
            common.append(" AND first_recorded_at <= ?");
            commonArgs.add(Timestamp.from(criteria.knownAt()));
        }
        if (criteria.legalEntity() != null) {
            common.append(" AND legal_entity = ?");
            commonArgs.add(criteria.legalEntity());
        }
        if (criteria.currency() != null) {
            common.append(" AND currency = ?");
            commonArgs.add(criteria.currency());
        }
        if (criteria.supplierId() != null) {
            common.append(" AND supplier_id = ?");
            commonArgs.add(criteria.supplierId());
        }
        if (after != null) {
            common.append(" AND (purchase_order_id, line_number) > (?, ?)");
            commonArgs.add(after.purchaseOrderId());
            commonArgs.add(after.lineNumber());
        }
        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        addBranch(branches, args, varying ? "varies_now" : "open_now", null, common, commonArgs, limit);
        addBranch(branches, args, "last_occurred_at >= ?", periodEndsAt, common, commonArgs, limit);
        if (varying) {
            // A fact of the period recorded after its end makes the line late in it.
            addBranch(branches, args, "last_recorded_at >= ?", periodEndsAt, common, commonArgs, limit);
        }
        if (!criteria.knownNow()) {
            addBranch(branches, args, "last_recorded_at > ?", Timestamp.from(criteria.knownAt()), common, commonArgs,
                    limit);
        }
        args.add(limit);
        return jdbc.query("SELECT purchase_order_id, line_number FROM (" + String.join(" UNION ", branches)
                        + ") candidate ORDER BY purchase_order_id, line_number LIMIT ?",
                (rs, n) -> new LineRef(rs.getString("purchase_order_id"), rs.getInt("line_number")), args.toArray());
    }

    /** One branch of {@link #candidates}: the first {@code limit} lines in key order that meet its condition. */
    private void addBranch(List<String> branches, List<Object> args, String condition, Object conditionArg,
                           CharSequence common, List<Object> commonArgs, int limit) {
        branches.add("(SELECT purchase_order_id, line_number FROM " + lineTable + " WHERE " + condition + common
                + " ORDER BY purchase_order_id, line_number LIMIT ?)");
        if (conditionArg != null) {
            args.add(conditionArg);
        }
        args.addAll(commonArgs);
        args.add(limit);
    }

    /** The facts of the given lines, in the order the fold reads them. */
    List<AccrualFact> factsOf(List<LineRef> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Set<LineRef> wanted = new HashSet<>(lines);
        List<String> orders = lines.stream().map(LineRef::purchaseOrderId).distinct().toList();
        String marks = String.join(", ", Collections.nCopies(orders.size(), "?"));
        return jdbc.query("SELECT " + COLUMNS + " FROM " + factTable + " WHERE purchase_order_id IN (" + marks + ") "
                        + "ORDER BY purchase_order_id, line_number, recorded_at, event_id, ordinal", ROW,
                orders.toArray()).stream()
                .filter(f -> wanted.contains(new LineRef(f.purchaseOrderId(), f.lineNumber()))).toList();
    }

    /** One purchase-order line. */
    record LineRef(String purchaseOrderId, int lineNumber) {
    }

    /** The sum of one measure's balance of one legal entity and currency. */
    record Total(String legalEntity, String currency, String measure, long lines, BigDecimal amount) {
    }
}
