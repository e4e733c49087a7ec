package org.integrationledger.query.rebuild;

import java.time.Duration;
import java.time.Instant;

/** Mutable progress of one rebuild, read by the API and the metrics while the runner writes it. */
final class RebuildTracker {

    private final String projection;
    private final long target;
    private final Instant startedAt = Instant.now();
    volatile RebuildState state = RebuildState.RUNNING;
    private volatile long processed;
    private volatile long reached;
    volatile long spilled;
    volatile long readBack;
    volatile long documentsLeftOut;
    private volatile Instant finishedAt;
    private volatile String checksum;
    private volatile String failure;

    RebuildTracker(String projection, long target) {
        this.projection = projection;
        this.target = target;
    }

    boolean active() {
        return finishedAt == null;
    }

    void processed(long globalIndex) {
        processed++;
        reached = Math.max(reached, globalIndex);
    }

    void finish(RebuildState finalState, String rebuiltChecksum, String error) {
        checksum = rebuiltChecksum;
        failure = error;
        state = finalState;
        finishedAt = Instant.now();
    }

    RebuildProgress progress() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(Duration.between(startedAt, end).toMillis(), 1) / 1000.0;
        double rate = processed / seconds;
        double percent = target == 0 ? 100.0 : Math.min(100.0, 100.0 * reached / target);
        Long eta = finishedAt != null ? Long.valueOf(0) : rate <= 0 || processed == 0 ? null
                : Math.round(seconds * (100.0 - percent) / Math.max(percent, 0.0001));
        return new RebuildProgress(projection, state.name(), processed, target, percent, rate, eta, startedAt,
                finishedAt, checksum, spilled, readBack, documentsLeftOut, failure);
    }
}
