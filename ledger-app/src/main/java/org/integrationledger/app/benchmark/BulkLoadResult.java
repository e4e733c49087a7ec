package org.integrationledger.app.benchmark;

/** What one bulk load appended: documents by kind, events, the global indexes they took, and the time it took. */
public record BulkLoadResult(String runId, long documents, long purchaseOrders, long suppliers, long events,
                             long transactions, long firstGlobalIndex, long lastGlobalIndex, double seconds,
                             double eventsPerSecond) {
}
