package org.integrationledger.simulator.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL server every measured process shares: an embedded one in a fresh directory (default), or the
 * external server of {@code --db-url}. Each ledger configuration gets a fresh database of its own on it.
 */
public final class Database implements AutoCloseable {

    private final Path directory;
    private final boolean keep;
    private final String adminUrl;
    private final String user;
    private final String password;
    private EmbeddedPostgres embedded;
    private int port;

    private Database(EmbeddedPostgres embedded, Path directory, boolean keep, String adminUrl, String user,
                     String password) {
        this.embedded = embedded;
        this.directory = directory;
        this.keep = keep;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.port = embedded == null ? -1 : embedded.getPort();
    }

    /** {@code keep}: leave the data directory after the run; otherwise {@link #close()} deletes it. */
    public static Database embedded(Path directory, boolean keep) throws IOException {
        // zonky's own clean-up would delete the data directory at every stop, so {@link #stopServer()} could not
        // restart on it; close() deletes it instead.
        EmbeddedPostgres postgres = server(directory, 0);
        return new Database(postgres, directory, keep, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    private static EmbeddedPostgres server(Path directory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                // A durable acknowledgment means a flushed commit: zonky's builder turns synchronous_commit off by
                // default (and so does the ledger's own embedded default); the benchmark turns it back on.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    public static Database external(String url, String user, String password) {
        return new Database(null, null, true, url, user, password);
    }

    /** Whether the server is the embedded one this process started (and so can stop and restart). */
    public boolean embedded() {
        return directory != null;
    }

    /** Stops the embedded server (a fast shutdown: open connections are closed); the data directory stays. */
    public void stopServer() throws IOException {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded server can be stopped, and only once before a restart");
        }
        embedded.close();
        embedded = null;
    }

    /** Starts the embedded server again on the same port and data directory, so clients reconnect to the URL they know. */
    public void restartServer() throws IOException {
        if (embedded != null || directory == null) {
            throw new IllegalStateException("the embedded server is running, or there is none");
        }
        embedded = server(directory, port);
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

    /** Runs one statement that answers no rows (DDL, as a DBA would). */
    public void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (directory != null && !keep && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
