package org.integrationledger.query.accrual;

import org.integrationledger.model.accrual.AccrualSide;
import org.integrationledger.model.accrual.VarianceReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The report's totals kept as running balances, so that a report sums a few stored rows instead of folding
 * history (docs/accruals.md, "How it stays fast").
 *
 * <p>A line's contribution to the totals, {@code c(P, K)} (its open amount and a count of one under its side and
 * under each variance reason, as {@link AccrualReportRules} finds them for period end {@code P} as known at
 * {@code K}), changes only at the days its facts happened or were recorded ({@code P}: a fact enters the period on
 * its business day and stops being late on its recorded day) and at its facts' recorded instants ({@code K}).
 * Stored as differences at those points, the totals for any {@code (P, K)} are the sum of the differences at or
 * before it: per business day ({@code accrual_balance}, every recorded fact, the report as known now) and per
 * business day and recorded instant ({@code accrual_balance_known}, the report as known at {@code K}). When an event
 * adds facts to a line, the line's differences are worked out before and after over the same points and the
 * change is written, so a fact that arrives late or out of recorded order still leaves every sum exact.
 */
final class AccrualBalances {

    /** A period end later than any business day, to ask a line where it stands with every fact in. */
    static final LocalDate ALL_DAYS = LocalDate.of(9999, 12, 30);

    private AccrualBalances() {
    }

    /** What one measure of one legal entity and currency is: a side's or a variance reason's name. */
    record Key(String legalEntity, String currency, String measure) {
    }

    /** A number of lines and their open amount (in the key's currency). */
    record Amounts(long lines, BigDecimal amount) {

        static final Amounts ZERO = new Amounts(0, BigDecimal.ZERO);

        Amounts plus(Amounts other) {
            return new Amounts(lines + other.lines, amount.add(other.amount));
        }

        Amounts minus(Amounts other) {
            return new Amounts(lines - other.lines, amount.subtract(other.amount));
        }

        boolean isZero() {
            return lines == 0 && amount.signum() == 0;
        }
    }

    /** A change of the balance of {@code key} from business day {@code day} on (and recorded instant, if known). */
    record Delta(Key key, LocalDate day, Instant recordedAt, Amounts amounts) {
    }

    /**
     * Where a line stands with every fact in, and when its facts happened and were recorded last: a line can be
     * open (or carry a reason) at a period end as known at some time only if it is open (carries one) now or has a
     * fact after that period end or recorded after that time, which is how a page of lines finds its candidates;
     * and only if its first fact happened before that period end and was recorded by that time.
     */
    record LineState(String purchaseOrderId, int lineNumber, String legalEntity, String currency, String supplierId,
                     boolean openNow, boolean variesNow, Instant firstOccurredAt, Instant lastOccurredAt,
                     Instant firstRecordedAt, Instant lastRecordedAt) {
    }

    /** The balance changes and line states of the event that added {@code state.added()} to the order. */
    record Changes(List<Delta> days, List<Delta> known, List<LineState> lines) {

        boolean isEmpty() {
            return days.isEmpty() && known.isEmpty() && lines.isEmpty();
        }
    }

    static Changes of(OrderFacts state) {
        if (state.added().isEmpty()) {
            return new Changes(List.of(), List.of(), List.of());
        }
        Set<Integer> touched = new HashSet<>();
        Set<String> added = new HashSet<>();
        for (AccrualFact fact : state.added()) {
            touched.add(fact.lineNumber());
            added.add(fact.eventId() + "#" + fact.ordinal());
        }
        Map<Integer, List<AccrualFact>> after = new TreeMap<>();
        Map<Integer, List<AccrualFact>> before = new HashMap<>();
        for (AccrualFact fact : state.facts()) {
            if (!touched.contains(fact.lineNumber())) {
                continue;
            }
            after.computeIfAbsent(fact.lineNumber(), n -> new ArrayList<>()).add(fact);
            if (!added.contains(fact.eventId() + "#" + fact.ordinal())) {
                before.computeIfAbsent(fact.lineNumber(), n -> new ArrayList<>()).add(fact);
            }
        }
        Map<Point, Amounts> days = new HashMap<>();
        Map<Point, Amounts> known = new HashMap<>();
        List<LineState> lines = new ArrayList<>();
        for (Map.Entry<Integer, List<AccrualFact>> line : after.entrySet()) {
            List<AccrualFact> now = line.getValue();
            List<AccrualFact> was = before.getOrDefault(line.getKey(), List.of());
            add(days, differencesByDay(now), 1);
            add(days, differencesByDay(was), -1);
            add(known, differencesByDayAndRecorded(now), 1);
            add(known, differencesByDayAndRecorded(was), -1);
            lines.add(lineState(now));
        }
        return new Changes(deltas(days), deltas(known), lines);
    }

    /** Every stored balance difference of a line's facts, for a rebuild or a check. */
    static Changes ofLine(List<AccrualFact> facts) {
        Map<Point, Amounts> days = new HashMap<>();
        Map<Point, Amounts> known = new HashMap<>();
        add(days, differencesByDay(facts), 1);
        add(known, differencesByDayAndRecorded(facts), 1);
        return new Changes(deltas(days), deltas(known), List.of(lineState(facts)));
    }

    /** The line's contribution to the totals at period end {@code day} as known at {@code knownAt}. */
    static Map<Key, Amounts> contribution(List<AccrualFact> facts, LocalDate day, Instant knownAt) {
        Optional<AccrualReportRules.Position> open = AccrualReportRules.position(
                new AccrualCriteria(day, knownAt, null, null, null), facts);
        if (open.isEmpty()) {
            return Map.of();
        }
        AccrualReportRules.Position line = open.get();
        Map<Key, Amounts> contribution = new HashMap<>();
        BigDecimal openAmount = line.openAmount();
        contribution.put(new Key(line.legalEntity(), line.currency(), line.side().name()), new Amounts(1,
                line.side() == AccrualSide.RECEIVED_NOT_INVOICED ? openAmount : openAmount.negate()));
        for (VarianceReason reason : line.reasons()) {
            contribution.putIfAbsent(new Key(line.legalEntity(), line.currency(), reason.name()),
                    new Amounts(1, openAmount));
        }
        return contribution;
    }

    private static Map<Point, Amounts> differencesByDay(List<AccrualFact> facts) {
        Map<Point, Amounts> differences = new HashMap<>();
        Map<Key, Amounts> previous = Map.of();
        for (LocalDate day : days(facts)) {
            Map<Key, Amounts> current = contribution(facts, day, Instant.MAX);
            difference(differences, current, previous, (key, amounts) -> new Point(key, day, null), 1);
            previous = current;
        }
        return differences;
    }

    /** The mixed differences over the grid of days and recorded instants: summed up to (P, K) they give c(P, K). */
    private static Map<Point, Amounts> differencesByDayAndRecorded(List<AccrualFact> facts) {
        List<LocalDate> days = days(facts);
        List<Instant> recorded = new ArrayList<>(new TreeSet<>(facts.stream().map(AccrualFact::recordedAt).toList()));
        Map<Point, Amounts> differences = new HashMap<>();
        List<Map<Key, Amounts>> previousDay = new ArrayList<>();
        for (int j = 0; j < recorded.size(); j++) {
            previousDay.add(Map.of());
        }
        for (LocalDate day : days) {
            List<Map<Key, Amounts>> currentDay = new ArrayList<>();
            for (int j = 0; j < recorded.size(); j++) {
                Instant knownAt = recorded.get(j);
                Map<Key, Amounts> current = contribution(facts, day, knownAt);
                currentDay.add(current);
                BiFunction<Key, Amounts, Point> at = (key, amounts) -> new Point(key, day, knownAt);
                difference(differences, current, previousDay.get(j), at, 1);
                if (j > 0) {
                    difference(differences, currentDay.get(j - 1), previousDay.get(j - 1), at, -1);
                }
            }
            previousDay = currentDay;
        }
        return differences;
    }

    /** Adds sign * (current - previous) per key at the point {@code at} gives. */
    private static void difference(Map<Point, Amounts> into, Map<Key, Amounts> current, Map<Key, Amounts> previous,
                                   BiFunction<Key, Amounts, Point> at, int sign) {
        Set<Key> keys = new HashSet<>(current.keySet());
        keys.addAll(previous.keySet());
        for (Key key : keys) {
            Amounts change = current.getOrDefault(key, Amounts.ZERO).minus(previous.getOrDefault(key, Amounts.ZERO));
            if (!change.isZero()) {
                Point point = at.apply(key, change);
                into.merge(point, sign > 0 ? change : Amounts.ZERO.minus(change), Amounts::plus);
            }
        }
    }

    private static void add(Map<Point, Amounts> into, Map<Point, Amounts> differences, int sign) {
        differences.forEach((point, amounts) -> into.merge(point, sign > 0 ? amounts : Amounts.ZERO.minus(amounts),
                Amounts::plus));
    }

    private static List<Delta> deltas(Map<Point, Amounts> points) {
        List<Delta> deltas = new ArrayList<>();
        points.forEach((point, amounts) -> {
            if (!amounts.isZero()) {
                deltas.add(new Delta(point.key(), point.day(), point.recordedAt(), amounts));
            }
        });
        return deltas;
    }

    /** The days a line's contribution can change on: its facts' business days and recorded days (UTC). */
    private static List<LocalDate> days(Collection<AccrualFact> facts) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (AccrualFact fact : facts) {
            days.add(LocalDate.ofInstant(fact.occurredAt(), ZoneOffset.UTC));
            days.add(LocalDate.ofInstant(fact.recordedAt(), ZoneOffset.UTC));
        }
        return new ArrayList<>(days);
    }

    private static LineState lineState(List<AccrualFact> facts) {
        AccrualFact any = facts.get(0);
        Optional<AccrualReportRules.Position> now = AccrualReportRules.position(new AccrualCriteria(ALL_DAYS,
                Instant.MAX, null, null, null), facts);
        return new LineState(any.purchaseOrderId(), any.lineNumber(), any.legalEntity(), any.currency(),
                any.supplierId(), now.isPresent(), now.filter(line -> !line.reasons().isEmpty()).isPresent(),
                facts.stream().map(AccrualFact::occurredAt).min(Instant::compareTo).orElseThrow(),
                facts.stream().map(AccrualFact::occurredAt).max(Instant::compareTo).orElseThrow(),
                facts.stream().map(AccrualFact::recordedAt).min(Instant::compareTo).orElseThrow(),
                facts.stream().map(AccrualFact::recordedAt).max(Instant::compareTo).orElseThrow());
    }

    private record Point(Key key, LocalDate day, Instant recordedAt) {
    }
}
