package org.integrationledger.query.accrual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live writes of a batch of events, held until {@link #flush()}: the new facts, the balance changes summed per
 * key and the lines' last states. A batch of a hundred events of a few orders then costs four batched statements,
 * instead of five statements per event.
 */
final class AccrualBatch {

    private final AccrualFacts tables;
    private final List<AccrualFact> facts = new ArrayList<>();
    private final Map<DeltaKey, AccrualBalances.Amounts> days = new LinkedHashMap<>();
    private final Map<DeltaKey, AccrualBalances.Amounts> known = new LinkedHashMap<>();
    private final Map<String, AccrualBalances.LineState> lines = new LinkedHashMap<>();

    AccrualBatch(AccrualFacts tables) {
        this.tables = tables;
    }

    /** Records what an event did to its order: the facts it added and the balance changes and line states they make. */
    void applied(OrderFacts after) {
        facts.addAll(after.added());
        AccrualBalances.Changes changes = AccrualBalances.of(after);
        changes.days().forEach(d -> days.merge(new DeltaKey(d.key(), d.day(), d.recordedAt()), d.amounts(),
                AccrualBalances.Amounts::plus));
        changes.known().forEach(d -> known.merge(new DeltaKey(d.key(), d.day(), d.recordedAt()), d.amounts(),
                AccrualBalances.Amounts::plus));
        changes.lines().forEach(l -> lines.put(l.purchaseOrderId() + "#" + l.lineNumber(), l));
    }

    /** Writes everything the batch holds, in the caller's transaction, and starts empty. */
    void flush() {
        tables.insert(facts);
        tables.apply(new AccrualBalances.Changes(deltas(days), deltas(known), List.copyOf(lines.values())));
        facts.clear();
        days.clear();
        known.clear();
        lines.clear();
    }

    private static List<AccrualBalances.Delta> deltas(Map<DeltaKey, AccrualBalances.Amounts> sums) {
        List<AccrualBalances.Delta> deltas = new ArrayList<>();
        sums.forEach((key, amounts) -> {
            if (!amounts.isZero()) {
                deltas.add(new AccrualBalances.Delta(key.key(), key.day(), key.recordedAt(), amounts));
            }
        });
        return deltas;
    }

    private record DeltaKey(AccrualBalances.Key key, LocalDate day, Instant recordedAt) {
    }
}
