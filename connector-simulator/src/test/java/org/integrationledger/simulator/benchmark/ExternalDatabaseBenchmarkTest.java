package org.integrationledger.simulator.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness against an external PostgreSQL named by {@code --db-url} (the "an external one by URL"): a
 * server this test starts itself stands in for it, so the suite needs no server on the machine. The ledger must
 * write to a database of that server, and the harness must start no PostgreSQL of its own.
 */
@Tag("by-hand")
class ExternalDatabaseBenchmarkTest {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void runsTheLedgerOnTheServerOfDbUrl(@TempDir Path out) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(out.resolve("external"))
                .setServerConfig("max_connections", "300").start()) {
            // With a query string, as users write such URLs; the harness derives its databases' URLs from it.
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres?ApplicationName=benchmark-test";
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            // No wait for a settled machine: this test checks where the ledger writes, not how fast it answers.
            Benchmark benchmark = new Benchmark(Map.of("profile", "smoke", "growth", "0", "jfr", "false",
                    "settle-seconds", "0", "db-url", url, "db-user", "postgres", "out", out.toString(),
                    "work-dir", out.resolve("work").toString(), "keep", "true"),
                    new PrintStream(log, true, StandardCharsets.UTF_8));

            Path report = benchmark.run();

            String markdown = Files.readString(report);
            assertThat(markdown).contains("(external, " + url + ")", "### Ingest", "### Replay", "### Queries");
            // --keep would leave an embedded server's data directory behind; there must be none.
            assertThat(out.resolve("work/postgres")).as("no embedded server of the harness's own").doesNotExist();
            assertThat(benchmark.acceptedMessages()).isPositive();
            assertThat(benchmark.unexpectedAnswers()).as(log.toString(StandardCharsets.UTF_8)).isZero();
            // The accepted messages are events in the external server's ledger database.
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + external.getPort() + "/ledger_tuned", "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(benchmark.acceptedMessages() / 2);
            }
        }
    }
}
