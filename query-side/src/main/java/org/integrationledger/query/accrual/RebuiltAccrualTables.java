package org.integrationledger.query.accrual;

import org.integrationledger.query.fold.RebuiltTables;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.CopyRows;
import org.integrationledger.query.rebuild.ShadowTable;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rebuild's accrual tables, written beside the live ones from the rebuilt orders: once the store is read, before the
 * processors stop, every order's facts and line states are copied (COPY) into {@code accrual_fact_rebuilt} and
 * {@code accrual_line_rebuilt}, and each line's balance differences, worked out once from all its facts
 * ({@link AccrualBalances#ofLine}), are copied into scratch tables and summed per key into the two balance tables (the
 * sum over a line's events of what each changed is the difference its final facts make). The tables are then indexed.
 * The switch adds what the last events changed (their orders' old differences taken out, the new ones added) and
 * renames the four tables in.
 */
final class RebuiltAccrualTables implements RebuiltTables<OrderFacts> {

    private static final int COPY_CHUNK = 1_000;
    /** Balance differences summed in memory before they are copied out; beyond it, copied and summed by PostgreSQL. */
    private static final int SUMMED_IN_MEMORY = 50_000;
    private static final String BALANCE = "accrual_balance" + AccrualFacts.REBUILT;
    private static final String BALANCE_KNOWN = "accrual_balance_known" + AccrualFacts.REBUILT;
    private static final String DAY_COLUMNS = "legal_entity, currency, business_day, measure, lines, amount";
    private static final String KNOWN_COLUMNS =
            "legal_entity, currency, business_day, recorded_at, measure, lines, amount";

    private final JdbcTemplate jdbc;
    private final AccrualFacts rebuilt;
    private final List<ShadowTable> shadows;
    /** Scratch tables of the balance differences before they are summed, unlogged and dropped once summed. */
    private final ShadowTable dayParts;
    private final ShadowTable knownParts;

    RebuiltAccrualTables(JdbcTemplate jdbc, AccrualFacts live) {
        this.jdbc = jdbc;
        this.rebuilt = live.rebuilt();
        this.shadows = AccrualFacts.TABLES.stream()
                .map(table -> new ShadowTable(jdbc, table, table + AccrualFacts.REBUILT)).toList();
        this.dayParts = new ShadowTable(jdbc, "accrual_balance", BALANCE + "_parts");
        this.knownParts = new ShadowTable(jdbc, "accrual_balance_known", BALANCE_KNOWN + "_parts");
    }

    @Override
    public void prepareSwitch(BoundedStates<OrderFacts> states) {
        SwitchSteps steps = new SwitchSteps(AccrualProjection.PROCESSING_GROUP + " (before the stop)");
        // Whatever a failed or interrupted rebuild left goes.
        shadows.forEach(shadow -> shadow.recreate(false));
        dayParts.recreate(true);
        knownParts.recreate(true);
        Copied copied = new Copied();
        for (OrderFacts order : states.snapshot()) {
            copied.add(order);
        }
        copied.finish();
        steps.step("rebuilt facts, lines and balance differences written beside");
        jdbc.update("INSERT INTO " + BALANCE + " (" + DAY_COLUMNS + ") "
                + "SELECT legal_entity, currency, business_day, measure, sum(lines), sum(amount) FROM "
                + dayParts.name() + " GROUP BY legal_entity, currency, business_day, measure");
        jdbc.update("INSERT INTO " + BALANCE_KNOWN + " (" + KNOWN_COLUMNS + ") "
                + "SELECT legal_entity, currency, business_day, recorded_at, measure, sum(lines), sum(amount) FROM "
                + knownParts.name() + " GROUP BY legal_entity, currency, business_day, recorded_at, measure");
        jdbc.update("DROP TABLE " + dayParts.name());
        jdbc.update("DROP TABLE " + knownParts.name());
        steps.step("balances summed");
        shadows.forEach(ShadowTable::index);
        steps.step("rebuilt tables indexed and analyzed");
        steps.log();
    }

    @Override
    public void replaceLive(BoundedStates<OrderFacts> states) {
        SwitchSteps steps = new SwitchSteps(AccrualProjection.PROCESSING_GROUP);
        Map<String, OrderFacts> touched = states.touchedSinceSnapshot();
        if (!touched.isEmpty()) {
            Map<String, List<AccrualFact>> written = rebuilt.loadAll(touched.keySet());
            Sums changes = new Sums();
            List<AccrualFact> facts = new ArrayList<>();
            List<AccrualBalances.LineState> lines = new ArrayList<>();
            touched.forEach((order, state) -> {
                byLine(written.getOrDefault(order, List.of())).values()
                        .forEach(line -> changes.add(AccrualBalances.ofLine(line), -1));
                for (List<AccrualFact> line : byLine(state.facts()).values()) {
                    AccrualBalances.Changes now = AccrualBalances.ofLine(line);
                    changes.add(now, 1);
                    lines.addAll(now.lines());
                }
                facts.addAll(state.facts());
            });
            // Facts written already are kept (their key is the event's); the lines' states are replaced.
            rebuilt.insert(facts);
            rebuilt.apply(new AccrualBalances.Changes(changes.deltas(changes.days), changes.deltas(changes.known),
                    lines));
        }
        steps.step(touched.size() + " orders of the last events rewritten beside");
        steps.log();
    }

    @Override
    public void swapIn() {
        SwitchSteps steps = new SwitchSteps(AccrualProjection.PROCESSING_GROUP);
        // A report reads the lines, then their facts, then the balances, in one snapshot; dropping the tables one by
        // one could take the facts while such a reader holds the lines and waits for the facts: a deadlock
        // PostgreSQL breaks by failing the reader. Locking all four first, in the readers' order, makes a reader
        // finish or wait before the swap begins.
        jdbc.execute("LOCK TABLE accrual_line, accrual_fact, accrual_balance, accrual_balance_known"
                + " IN ACCESS EXCLUSIVE MODE");
        shadows.forEach(ShadowTable::swapIn);
        steps.step("accrual tables swapped in");
        steps.log();
    }

    /** A line's facts by line number, each line's in the order of the order's. */
    private static Map<Integer, List<AccrualFact>> byLine(List<AccrualFact> facts) {
        Map<Integer, List<AccrualFact>> lines = new TreeMap<>();
        for (AccrualFact fact : facts) {
            lines.computeIfAbsent(fact.lineNumber(), number -> new ArrayList<>()).add(fact);
        }
        return lines;
    }

    /** Rows copied beside in chunks: facts and lines as they are, balance differences summed for a while first. */
    private final class Copied {

        private final List<Object[]> facts = new ArrayList<>(COPY_CHUNK);
        private final List<Object[]> lines = new ArrayList<>(COPY_CHUNK);
        private final Sums sums = new Sums();

        void add(OrderFacts order) {
            for (AccrualFact fact : order.facts()) {
                facts.add(AccrualFacts.row(fact));
                if (facts.size() == COPY_CHUNK) {
                    copyFacts();
                }
            }
            for (List<AccrualFact> line : byLine(order.facts()).values()) {
                AccrualBalances.Changes changes = AccrualBalances.ofLine(line);
                sums.add(changes, 1);
                changes.lines().forEach(state -> lines.add(AccrualFacts.lineRow(state)));
                if (lines.size() >= COPY_CHUNK) {
                    copyLines();
                }
            }
            if (sums.size() >= SUMMED_IN_MEMORY) {
                copySums();
            }
        }

        void finish() {
            copyFacts();
            copyLines();
            copySums();
        }

        private void copyFacts() {
            CopyRows.copy(jdbc, "accrual_fact" + AccrualFacts.REBUILT, AccrualFacts.COLUMNS, facts);
            facts.clear();
        }

        private void copyLines() {
            CopyRows.copy(jdbc, "accrual_line" + AccrualFacts.REBUILT, AccrualFacts.LINE_COLUMNS, lines);
            lines.clear();
        }

        private void copySums() {
            List<Object[]> days = new ArrayList<>(sums.days.size());
            sums.days.forEach((point, amounts) -> {
                if (!amounts.isZero()) {
                    days.add(new Object[] {point.key().legalEntity(), point.key().currency(), point.day(),
                            point.key().measure(), amounts.lines(), amounts.amount()});
                }
            });
            copyInChunks(dayParts.name(), DAY_COLUMNS, days);
            List<Object[]> known = new ArrayList<>(sums.known.size());
            sums.known.forEach((point, amounts) -> {
                if (!amounts.isZero()) {
                    known.add(new Object[] {point.key().legalEntity(), point.key().currency(), point.day(),
                            point.recordedAt(), point.key().measure(), amounts.lines(), amounts.amount()});
                }
            });
            copyInChunks(knownParts.name(), KNOWN_COLUMNS, known);
            sums.clear();
        }
    }

    private void copyInChunks(String table, String columns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += COPY_CHUNK) {
            CopyRows.copy(jdbc, table, columns, rows.subList(from, Math.min(rows.size(), from + COPY_CHUNK)));
        }
    }

    /** Balance differences summed per key, per business day and per business day and recorded instant. */
    private static final class Sums {

        private final Map<Point, AccrualBalances.Amounts> days = new HashMap<>();
        private final Map<Point, AccrualBalances.Amounts> known = new HashMap<>();

        void add(AccrualBalances.Changes changes, int sign) {
            changes.days().forEach(d -> days.merge(new Point(d.key(), d.day(), null), signed(d.amounts(), sign),
                    AccrualBalances.Amounts::plus));
            changes.known().forEach(d -> known.merge(new Point(d.key(), d.day(), d.recordedAt()),
                    signed(d.amounts(), sign), AccrualBalances.Amounts::plus));
        }

        int size() {
            return days.size() + known.size();
        }

        void clear() {
            days.clear();
            known.clear();
        }

        List<AccrualBalances.Delta> deltas(Map<Point, AccrualBalances.Amounts> sums) {
            List<AccrualBalances.Delta> deltas = new ArrayList<>();
            sums.forEach((point, amounts) -> {
                if (!amounts.isZero()) {
                    deltas.add(new AccrualBalances.Delta(point.key(), point.day(), point.recordedAt(), amounts));
                }
            });
            return deltas;
        }

        private static AccrualBalances.Amounts signed(AccrualBalances.Amounts amounts, int sign) {
            return sign > 0 ? amounts : AccrualBalances.Amounts.ZERO.minus(amounts);
        }
    }

    private record Point(AccrualBalances.Key key, LocalDate day, Instant recordedAt) {
    }
}
