package org.integrationledger.query.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much a projection rebuild holds in memory ({@code ledger.rebuild}).
 *
 * @param statesInMemory per kind of rebuilt state (reconciliation documents, purchase-order views, invoice views, ...)
 *                       at most this many stay in memory (default 20,000); the least recently used beyond that are
 *                       spilled to PostgreSQL, so the heap a rebuild needs does not grow with the store
 *                       (docs/audit.md)
 */
@ConfigurationProperties("ledger.rebuild")
public record RebuildSettings(Integer statesInMemory) {

    public RebuildSettings {
        statesInMemory = statesInMemory == null ? 20_000 : statesInMemory;
        if (statesInMemory < 2) {
            throw new IllegalArgumentException("ledger.rebuild.states-in-memory must be at least 2");
        }
    }
}
