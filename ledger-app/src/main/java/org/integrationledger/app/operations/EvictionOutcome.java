package org.integrationledger.app.operations;

/** An eviction: the document's parked events were removed from the queue without being applied. */
public record EvictionOutcome(String processor, String sequence, int evicted) {
}
