package org.integrationledger.app.benchmark;

import java.util.List;

/**
 * Where every streaming processor stands against the head of the event store; {@code caughtUp} once each has
 * handled every event stored when this was read and none is replaying.
 */
public record ProjectionPositions(long headIndex, boolean caughtUp, List<Processor> processors) {

    /** One processor: the lowest position over its claimed segments (-1 while none is claimed). */
    public record Processor(String name, long position, int segments, boolean replaying, boolean caughtUp) {
    }
}
