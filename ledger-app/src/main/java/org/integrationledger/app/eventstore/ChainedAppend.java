package org.integrationledger.app.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the batch INSERT of Axon's stock append, plus each event's chain hash. Events of one batch chain in
 * memory; the first event of an aggregate already in the table links to the stored hash of (aggregate,
 * sequence - 1). There is no global lock: a chain is per aggregate, and two writers of one aggregate cannot
 * both commit the same sequence number (unique constraint), so each chain stays linear.
 */
final class ChainedAppend {

    /** Writes a timestamp exactly as the engine stores it, so the hash covers the stored text. */
    interface TimestampFormat {
        String format(Instant timestamp);
    }

    private ChainedAppend() {
    }

    static PreparedStatement statement(Connection connection, EventSchema schema, List<? extends EventMessage<?>> events,
                                       Serializer serializer, TimestampFormat timestamps) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ", event_hash) VALUES (?,?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql);
        Map<String, byte[]> lastHashInBatch = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timestamp = timestamps.format(event.getTimestamp());
            byte[] previous = lastHashInBatch.get(event.getAggregateIdentifier());
            if (previous == null) {
                previous = storedPrevious(connection, schema, event.getAggregateIdentifier(), event.getSequenceNumber());
            }
            byte[] hash = EventChainHash.of(previous, event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getType(), event.getIdentifier(), timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData.getData());
            lastHashInBatch.put(event.getAggregateIdentifier(), hash);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setBytes(8, payload.getData());
            statement.setBytes(9, metaData.getData());
            statement.setBytes(10, hash);
            statement.addBatch();
        }
        return statement;
    }

    private static byte[] storedPrevious(Connection connection, EventSchema schema, String aggregateId,
                                         long sequenceNumber) throws SQLException {
        if (sequenceNumber == 0) {
            return EventChainHash.genesis();
        }
        String sql = "SELECT event_hash FROM " + schema.domainEventTable() + " WHERE "
                + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, aggregateId);
            query.setLong(2, sequenceNumber - 1);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || row.getBytes(1) == null) {
                    // The aggregate was loaded from these very rows, so a missing predecessor means the table
                    // was changed underneath; refusing keeps a broken chain from being extended silently.
                    throw new EventStoreException("cannot chain event " + sequenceNumber + " of " + aggregateId
                            + ": its predecessor or the predecessor's hash is missing");
                }
                return row.getBytes(1);
            }
        }
    }

    /** Axon stores an event published outside an aggregate as its own one-event "aggregate" (id = event id). */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
