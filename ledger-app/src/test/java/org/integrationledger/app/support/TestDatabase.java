package org.integrationledger.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real PostgreSQL the integration tests run against: one embedded server per test JVM in a fresh
 * directory, or the server named by {@code LEDGER_TEST_DB_URL} (with {@code LEDGER_TEST_DB_USER} and
 * {@code LEDGER_TEST_DB_PASSWORD}). Tests use unique document ids, so an external database may hold old data.
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static synchronized String url() {
        String external = System.getenv("LEDGER_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try {
                Path directory = Files.createTempDirectory("ledger-test-pg");
                embedded = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
                        // Lets a test count the transactions that wrote rows (GroupCommitIntegrationTest).
                        .setServerConfig("track_commit_timestamp", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    public static String user() {
        String user = System.getenv("LEDGER_TEST_DB_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    public static String password() {
        String password = System.getenv("LEDGER_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }
}
