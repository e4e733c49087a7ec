package org.integrationledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger ended by an OutOfMemoryError ({@code -XX:+ExitOnOutOfMemoryError} runs no shutdown hook) leaves its
 * embedded PostgreSQL running; the restarted ledger must still start on the same data directory.
 */
class OrphanedPostmasterIntegrationTest {

    @TempDir
    Path directory;
    private ProcessHandle orphan;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (orphan != null && orphan.isAlive()) {
            orphan.destroy();
            orphan.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsTheEmbeddedDatabaseAfterALedgerEndedWithoutStoppingIt() throws Exception {
        Path data = directory.resolve("postgres");
        Process ledger = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EndsWithoutShutdownHooks.class.getName(),
                data.toString())).inheritIO().start();
        assertThat(ledger.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(ledger.exitValue()).isEqualTo(3);
        orphan = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip())).orElseThrow();
        assertThat(orphan.isAlive()).as("the ended ledger's server still runs").isTrue();

        LedgerDatabaseProperties properties = new LedgerDatabaseProperties("", "postgres", "",
                new LedgerDatabaseProperties.Embedded(data, 0));
        try (EmbeddedDatabase restarted = new DatabaseConfiguration().embeddedDatabase(properties)) {
            assertThat(selectOne(restarted.jdbcUrl())).isEqualTo(1);
        }
        assertThat(orphan.isAlive()).isFalse();
    }

    @Test
    void leavesAServerAlone_whileTheLedgerThatStartedItRuns() throws IOException {
        Path data = directory.resolve("running");
        try (EmbeddedPostgres running = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).start()) {
            OrphanedPostmaster.stopIfAny(data);

            assertThat(selectOne(running.getJdbcUrl("postgres", "postgres"))).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError("the running ledger's server was stopped", e);
        }
    }

    private static int selectOne(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** A ledger's database start, then an end as abrupt as {@code -XX:+ExitOnOutOfMemoryError}'s (exit code 3). */
    static final class EndsWithoutShutdownHooks {

        public static void main(String[] args) throws IOException {
            EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false).start();
            Runtime.getRuntime().halt(3);
        }
    }
}
