package org.integrationledger.query.fold;

import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;
import java.util.Map;

/**
 * How the event store recorded an event: its id, the instant and the metadata it was recorded with. A fold whose rows
 * are keyed by the event or name its connector reads them here; most folds need only {@link #at()}.
 *
 * @param eventId  the event's identifier, null where only the instant is known
 * @param metaData what the event was recorded with (connector, message, correlation), never null
 */
public record Recorded(String eventId, Instant at, Map<String, ?> metaData) {

    public Recorded {
        metaData = metaData == null ? Map.of() : metaData;
    }

    /** An event known only by the instant it was recorded at. */
    public static Recorded at(Instant recordedAt) {
        return new Recorded(null, recordedAt, Map.of());
    }

    public static Recorded of(EventMessage<?> message) {
        return new Recorded(message.getIdentifier(), message.getTimestamp(), message.getMetaData());
    }

    /** The metadata value as text, or null when absent. */
    public String metaData(String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
