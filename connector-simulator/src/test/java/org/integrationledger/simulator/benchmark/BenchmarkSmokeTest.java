package org.integrationledger.simulator.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness end to end at the smallest size: the packaged ledger jar as a child process on a fresh embedded
 * PostgreSQL, seconds per phase (and a growth level of a few thousand events through the bulk loader), the report and
 * plot written to a temporary directory (never docs/).
 */
class BenchmarkSmokeTest {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void runsEveryPhaseOfTheSmokeProfileAndWritesTheReport(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Benchmark benchmark = new Benchmark(Map.of("profile", "smoke", "out", out.toString(),
                "work-dir", out.resolve("work").toString(), "keep", "true", "jfr", "true"),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        Path report = benchmark.run();

        String markdown = Files.readString(report);
        assertThat(markdown).contains(Report.START, "### Targets", "### Ingest", "### Raw PostgreSQL ceiling",
                "### Projection lag", "### Replay", "### Queries", Report.END);
        assertThat(markdown).contains("| purchase-order-view | COMPLETED |", "| supplier-view | COMPLETED |",
                "| reconciliation-view | COMPLETED |", "| trace-view | COMPLETED |", "| invoice-view | COMPLETED |",
                "| all, one pass | COMPLETED |", "**all, one after another**");
        // The growth level is reached through the bulk loader, and the projections caught up after it.
        assertThat(markdown).containsPattern("\\| bulk \\| \\d+ \\| [3-9]\\d{3} \\| [1-9]\\d* \\| [1-9]\\d* \\|");
        for (String query : new String[]{"SLA open: all rules, page of 50", "SLA history: PO posting, last 90 days",
                "invoice exceptions: EMEA queue, page of 50", "console: SLA board", "console: reconciliation board",
                "console: document page, one PO", "console: audit history, one PO", "console: search box, one PO"}) {
            // ... and took its turns in the warm-up rotation before it was timed.
            assertThat(markdown).as(query + " answered without errors, after its warm-up")
                    .containsPattern("\\| " + java.util.regex.Pattern.quote(query)
                            + " \\| [1-9]\\d* \\| [0-9.]+ \\| [0-9.]+ \\| 0 \\| [1-9]\\d* \\| [0-9.]+ \\| [0-9.]+ \\|");
        }
        // The console's pages, read signed in, are judged against a target of their own.
        assertThat(markdown).containsPattern("\\| query p99 < 20 ms at 1 M documents \\| worst p99 [0-9.]+ ms")
                .containsPattern("\\| console page p99 < 300 ms at 1 M documents \\| worst p99 [0-9.]+ ms")
                .doesNotContain("the console pages could not be timed");
        // The queries waited for a settled machine (or say they could not), and say how busy it was meanwhile.
        assertThat(markdown).containsPattern("waited (\\d+ s|in vain) for the machine to be less than 25 % busy over 5 s\\."
                + " During queries: machine busy \\d+ %");
        // Every ingest row says how long the processors needed after the traffic, and the rate including it.
        assertThat(markdown).containsPattern(
                "\\| tuned \\| \\d+ \\| 4 \\| [1-9]\\d* \\| [1-9]\\d* \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [1-9]\\d* \\|");
        assertThat(markdown).doesNotContain("| HTTP ");
        // A throwaway recording takes JFR's first start (which discards the JVM's compiled code) before the warm-up,
        // and the profile is a second recording.
        assertThat(Files.readString(out.resolve("work/tuned-jcmd.log")))
                .containsSubsequence("Stopped recording \"instrument\"", "Started recording", "Stopped recording \"bench\"");
        assertThat(markdown).contains("### Where the tuned ledger's CPU went");
        assertThat(out.resolve("benchmarks/ingest.png")).isNotEmptyFile();
        // Every probe of the recorded lag phase, and of its unrecorded warm-up, is kept: "epoch ms,lag ms" lines.
        for (String phase : new String[]{"lag-tuned-one-process.csv", "lag-one-process-warm-up-not-recorded-.csv"}) {
            assertThat(Files.readAllLines(out.resolve("work").resolve(phase))).as(phase).isNotEmpty()
                    .allMatch(line -> line.matches("1\\d{12},\\d+\\.\\d"));
        }
        // The lag row says how busy the machine was (1-100 % of all cores; this test itself keeps it busy).
        assertThat(markdown).contains("| timeouts | machine busy % | peak heap MiB |");
        assertThat(markdown).containsPattern("\\| tuned, one process \\| \\d+ \\| \\d+ \\| [1-9]\\d* \\| [0-9.]+ \\| [0-9.]+ "
                + "\\| [0-9.]+ \\| 0 \\| ([1-9]\\d?|100) \\|");
        // The raw baseline settled (table dropped, CHECKPOINT run) before the lag phase; the embedded server allows it.
        assertThat(markdown).doesNotContain("CHECKPOINT after the raw baseline was refused");
        // --keep leaves the embedded PostgreSQL's data directory for a look afterwards.
        assertThat(out.resolve("work/postgres/PG_VERSION")).isNotEmptyFile();
        assertThat(benchmark.acceptedMessages()).isPositive();
        assertThat(benchmark.unexpectedAnswers()).as(log.toString(StandardCharsets.UTF_8)).isZero();
    }
}
