package org.integrationledger.app.benchmark;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How many documents to load, from which seed, under which run id prefix (every document id starts with it, so
 * loads never collide with each other or with connector traffic). {@code batchEvents} is the number of events
 * appended per transaction (default {@value #DEFAULT_BATCH_EVENTS}). {@code pauseProjections} stops the streaming
 * processors for the load and starts them after it, so the load does not share the machine with them and their
 * catch-up afterwards is a clean figure of its own (default false: they follow the load as they follow traffic).
 * {@code rebuildProjections} (implies {@code pauseProjections}) rebuilds every rebuildable projection in one pass
 * over the store while the processors are still paused, before the answer, instead of leaving them to catch up
 * event by event: the replay figure at a given store size, measured alone, and a faster way to a caught-up store
 * (the processors that cannot be rebuilt, the SLA clocks and the rematch policy, still catch up afterwards).
 */
public record BulkLoadRequest(
        @NotNull @Min(1) @Max(20_000_000) Long documents,
        Long seed,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,23}") String runId,
        @Min(10) @Max(20_000) Integer batchEvents,
        Boolean pauseProjections,
        Boolean rebuildProjections) {

    static final int DEFAULT_BATCH_EVENTS = 2_000;

    int batchEventsOrDefault() {
        return batchEvents == null ? DEFAULT_BATCH_EVENTS : batchEvents;
    }

    boolean pauseProjectionsOrDefault() {
        return Boolean.TRUE.equals(pauseProjections) || rebuildProjectionsOrDefault();
    }

    boolean rebuildProjectionsOrDefault() {
        return Boolean.TRUE.equals(rebuildProjections);
    }

    long seedOrDefault() {
        return seed == null ? 42 : seed;
    }
}
