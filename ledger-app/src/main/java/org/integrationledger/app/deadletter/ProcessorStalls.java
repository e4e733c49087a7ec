package org.integrationledger.app.deadletter;

import org.axonframework.eventhandling.EventTrackerStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Batches this process could neither apply nor park, per processor and segment: the segment is retrying with
 * back-off and every document behind the batch waits. A stall ends when the segment's position passes the failed
 * batch here (every segment, when the failed batch's segment could not be told); it is forgotten when no failure was seen for {@code forgetAfter} (longer than Axon's longest
 * back-off, 60 s, so a segment that keeps failing is never forgotten), which is what happens when another
 * process took the segment over.
 */
public final class ProcessorStalls {

    private final Clock clock;
    private final Duration forgetAfter;
    private final Map<Key, Stall> stalls = new ConcurrentHashMap<>();

    public ProcessorStalls(Clock clock, Duration forgetAfter) {
        this.clock = clock;
        this.forgetAfter = forgetAfter;
    }

    /** One stalled segment: since when, how often it failed, the position it cannot pass and the last cause. */
    public record Stall(String processor, Integer segment, Long position, Instant since, Instant lastFailure,
                        int failures, String cause) {
    }

    private record Key(String processor, Integer segment) {
    }

    void failed(String processor, Integer segment, Long position, Throwable cause) {
        Instant now = clock.instant();
        String why = cause.getClass().getName() + ": " + cause.getMessage();
        stalls.merge(new Key(processor, segment), new Stall(processor, segment, position, now, now, 1, why),
                (old, fresh) -> new Stall(processor, segment, position, old.since(), now, old.failures() + 1, why));
    }

    /**
     * The stalls still current, given each processor's segments as this process sees them now; resolved and
     * forgotten ones are dropped.
     */
    public List<Stall> current(Function<String, Map<Integer, EventTrackerStatus>> statusOf) {
        Instant now = clock.instant();
        List<Stall> current = new ArrayList<>();
        stalls.forEach((key, stall) -> {
            if (passed(stall, statusOf.apply(stall.processor()))
                    || stall.lastFailure().plus(forgetAfter).isBefore(now)) {
                stalls.remove(key, stall);
            } else {
                current.add(stall);
            }
        });
        return current;
    }

    /**
     * A stall whose segment is unknown (the lookup needs the database, which may be what failed) has passed once
     * every segment this process runs for the processor has.
     */
    private static boolean passed(Stall stall, Map<Integer, EventTrackerStatus> segments) {
        if (segments == null || stall.position() == null) {
            return false;
        }
        if (stall.segment() == null) {
            return !segments.isEmpty() && segments.values().stream().allMatch(status -> passed(status, stall));
        }
        EventTrackerStatus status = segments.get(stall.segment());
        return status != null && passed(status, stall);
    }

    private static boolean passed(EventTrackerStatus status, Stall stall) {
        if (status.isErrorState()) {
            return false;
        }
        OptionalLong position = status.getCurrentPosition();
        return position.isPresent() && position.getAsLong() >= stall.position();
    }
}
