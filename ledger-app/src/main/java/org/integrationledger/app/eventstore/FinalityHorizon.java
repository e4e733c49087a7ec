package org.integrationledger.app.eventstore;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tracks up to which global index the event table is final: every index at or below it is either visible
 * now or will never be written. It learns this from PostgreSQL snapshots, never from clocks.
 *
 * <p>Each observation pairs the highest visible global index {@code hi} with the snapshot's {@code xmax}
 * (the first transaction id not yet assigned). An append transaction takes its transaction id before it
 * draws global indexes, so whatever drew an index below {@code hi} had an id below {@code xmax}. Once a later
 * snapshot's {@code xmin} (the oldest transaction still running) reaches that {@code xmax}, all of those
 * transactions have ended, and every index up to {@code hi} is final.
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
     * @param xmax          the snapshot's first unassigned transaction id
     * @param highestIndex  the highest global index visible in the snapshot, or null when the table is empty
     */
    synchronized long observe(long xmin, long xmax, Long highestIndex) {
        if (highestIndex != null && (pending.isEmpty() || highestIndex > pending.peekLast()[0])
                && highestIndex > finalUpTo) {
            pending.addLast(new long[] {highestIndex, xmax});
        }
        while (!pending.isEmpty() && pending.peekFirst()[1] <= xmin) {
            finalUpTo = Math.max(finalUpTo, pending.pollFirst()[0]);
        }
        while (pending.size() > MAX_PENDING) {
            pending.pollFirst();
        }
        return finalUpTo;
    }
}
