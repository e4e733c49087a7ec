package org.integrationledger.app.eventstore;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Tracks up to which global index the event table is final: every index at or below it is either visible
 * now or will never be written. It learns this from PostgreSQL transaction ids, never from clocks.
 *
 * <p>Each observation pairs the highest visible global index {@code hi} with a transaction id {@code x}
 * assigned <em>after</em> the snapshot that saw {@code hi}. An append transaction takes its id before it draws
 * global indexes, so whatever drew an index below {@code hi} has an id below {@code x}. Once a later
 * snapshot's {@code xmin} (the oldest transaction still running) reaches {@code x}, all of those transactions
 * have ended, and every index up to {@code hi} is final. (A snapshot's own {@code xmax} would not do: it is
 * "latest completed id + 1", and a running transaction can hold an id above it.)
 */
final class FinalityHorizon {

    /** Older observations are dropped beyond this; that only delays finality, never advances it wrongly. */
    private static final int MAX_PENDING = 1024;

    private final Deque<long[]> pending = new ArrayDeque<>();
    private long finalUpTo = 0;

    /**
     * Records one snapshot and returns the highest global index known to be final (0 while nothing is).
     *
     * @param xmin          the snapshot's oldest running transaction id
     * @param highestIndex  the highest global index visible in the snapshot, or null when the table is empty
     * @param idAfterSnapshot assigns a transaction id after the snapshot; called only when {@code highestIndex}
     *                        is new, so an idle ledger consumes no transaction ids
     */
    synchronized long observe(long xmin, Long highestIndex, LongSupplier idAfterSnapshot) {
        while (!pending.isEmpty() && pending.peekFirst()[1] <= xmin) {
            finalUpTo = Math.max(finalUpTo, pending.pollFirst()[0]);
        }
        if (highestIndex != null && highestIndex > finalUpTo
                && (pending.isEmpty() || highestIndex > pending.peekLast()[0])) {
            pending.addLast(new long[] {highestIndex, idAfterSnapshot.getAsLong()});
        }
        while (pending.size() > MAX_PENDING) {
            pending.pollFirst();
        }
        return finalUpTo;
    }
}
