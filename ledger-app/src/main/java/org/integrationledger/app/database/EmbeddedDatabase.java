package org.integrationledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/** The embedded PostgreSQL the ledger started, if any; closing it stops the server cleanly. */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase of(EmbeddedPostgres postgres) {
        return new EmbeddedDatabase(postgres);
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null);
    }

    String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("no embedded PostgreSQL runs: an external database is configured");
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
