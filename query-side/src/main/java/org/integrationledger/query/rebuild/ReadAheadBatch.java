package org.integrationledger.query.rebuild;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the events a rebuild reads ahead into batches that end at a number of events or of payload bytes,
 * whichever comes first, so the read-ahead holds a bounded amount of memory however large the events are.
 */
final class ReadAheadBatch {

    private final int maxEvents;
    private final long maxBytes;
    private List<TrackedEventMessage<?>> events;
    private long bytes;

    ReadAheadBatch(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.events = new ArrayList<>(maxEvents);
    }

    /** Adds the event; answers the batch it completed, if it did, and starts the next one. */
    Optional<List<TrackedEventMessage<?>>> add(TrackedEventMessage<?> event, long payloadBytes) {
        events.add(event);
        bytes += payloadBytes;
        if (events.size() < maxEvents && bytes < maxBytes) {
            return Optional.empty();
        }
        return Optional.of(rest());
    }

    /** The events added since the last completed batch (possibly none), and starts the next one. */
    List<TrackedEventMessage<?>> rest() {
        List<TrackedEventMessage<?>> done = events;
        events = new ArrayList<>(maxEvents);
        bytes = 0;
        return done;
    }
}
