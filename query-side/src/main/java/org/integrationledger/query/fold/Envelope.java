package org.integrationledger.query.fold;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;
import java.util.Map;

/**
 * What the event store recorded around an event: its id, its place in its document's history, its type's name, when
 * it was recorded and its metadata (connector, message, correlation and causation ids). Most folds read only the
 * recorded time; a view of the record itself (the trace) reads all of it, as plain values, not as an Axon message.
 *
 * @param sequenceNumber the event's place in its document's history; 0 for an event of no document
 * @param metaData       the message's metadata; empty when only the recorded time is known
 */
public record Envelope(String eventId, long sequenceNumber, String eventType, Instant recordedAt,
                       Map<String, ?> metaData) {

    /** The envelope of a recorded event. */
    public static Envelope of(EventMessage<?> message) {
        return new Envelope(message.getIdentifier(),
                message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0,
                message.getPayloadType().getSimpleName(), message.getTimestamp(), message.getMetaData());
    }

    /** Only the recorded time: what a live handler of a fold that reads nothing more passes on. */
    public static Envelope recordedAt(Instant recordedAt) {
        return new Envelope(null, 0, null, recordedAt, Map.of());
    }

    /** One metadata value as text, or null. */
    public String meta(String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
