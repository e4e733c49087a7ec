package org.integrationledger.simulator.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server every measured process shares: an embedded one in a fresh directory (default), or the
 * external server of {@code --db-url}. Each ledger configuration gets a fresh database of its own on it.
 */
public final class Database implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * {@code keep}: leave the data directory after the run (zonky deletes it on close otherwise, which made
     * {@code --keep} a no-op until 3 December).
     */
    public static Database embedded(Path directory, boolean keep) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(!keep)
                // A durable acknowledgment means a flushed commit: zonky's builder turns synchronous_commit off by
                // default (and so does the ledger's own embedded default); the benchmark turns it back on.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300")
                .start();
        return new Database(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    public static Database external(String url, String user, String password) {
        return new Database(null, url, user, password);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Drops and creates {@code name}, returns its JDBC URL. */
    public String freshDatabase(String name) throws SQLException {
        try (Connection connection = connect(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return urlOf(name);
    }

    public String urlOf(String name) {
        int query = adminUrl.indexOf('?');
        String head = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String tail = query < 0 ? "" : adminUrl.substring(query);
        return head.substring(0, head.lastIndexOf('/') + 1) + name + tail;
    }

    public Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    String version() throws SQLException {
        return scalar(adminUrl, "SELECT version()");
    }

    public String scalar(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
