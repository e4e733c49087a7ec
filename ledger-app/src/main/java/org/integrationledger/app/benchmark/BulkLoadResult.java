package org.integrationledger.app.benchmark;

import org.integrationledger.query.rebuild.RebuildProgress;

import java.util.List;

/**
 * What one bulk load appended: documents by kind, events, the global indexes they took, and the time it took;
 * with {@code rebuildProjections}, each projection's rebuild as it ended (null otherwise).
 */
public record BulkLoadResult(String runId, long documents, long purchaseOrders, long suppliers, long events,
                             long transactions, long firstGlobalIndex, long lastGlobalIndex, double seconds,
                             double eventsPerSecond, List<RebuildProgress> rebuilds) {

    BulkLoadResult withRebuilds(List<RebuildProgress> ended) {
        return new BulkLoadResult(runId, documents, purchaseOrders, suppliers, events, transactions,
                firstGlobalIndex, lastGlobalIndex, seconds, eventsPerSecond, ended);
    }
}
