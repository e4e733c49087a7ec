package org.integrationledger.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the ledger keeps its data ({@code ledger.database}). With no {@code url} the ledger runs its own
 * PostgreSQL in {@code embedded.dataDirectory}, which survives restarts.
 */
@ConfigurationProperties("ledger.database")
public record LedgerDatabaseProperties(String url, String username, String password, Embedded embedded) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /** The embedded server: its data directory and port (0 picks a free one). */
    public record Embedded(Path dataDirectory, int port) {
    }
}
