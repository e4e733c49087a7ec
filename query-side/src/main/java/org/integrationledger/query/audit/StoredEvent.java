package org.integrationledger.query.audit;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;

/** One row of {@code domain_event_entry} exactly as stored, so auditors see what is in the table, not a rendering. */
record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String aggregateType,
                   String eventId, String timestamp, String payloadType, String payloadRevision,
                   byte[] payload, byte[] metaData) {

    /** The row as Axon's serializer and upcaster chain read it. */
    DomainEventData<byte[]> toDomainEventData() {
        return new GenericDomainEventEntry<>(aggregateType, aggregateId, sequenceNumber, eventId, timestamp,
                payloadType, payloadRevision, payload, metaData);
    }
}
