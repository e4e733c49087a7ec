package org.integrationledger.simulator.benchmark;

import org.junit.jupiter.api.Tag;
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
 * The harness's channel phase alone at the smoke size: the packaged ledger jar on a fresh embedded PostgreSQL with
 * the Kafka channel on a broker in this process, the raw ceiling, then HTTP, HTTP batch and Kafka at one offered
 * load, each with its lag probe; the report goes to a temporary directory (never docs/). About four minutes on a
 * shared, loaded 2-core machine: a test of its own, so BenchmarkSmokeTest stays as short as it was.
 */
@Tag("by-hand")
class ChannelPhaseSmokeTest {

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void measuresEveryChannelAtTheSameOfferedLoadBesideTheRawCeiling(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // The fault suite's JVM options: the phase's figures are not judged here, and with the full JIT a ledger has
        // taken more than the harness's four minutes to start on a shared 2-core machine.
        Benchmark benchmark = new Benchmark(Map.of("profile", "smoke", "only", "channels", "channel-rate", "60",
                "out", out.toString(), "work-dir", out.resolve("work").toString(), "jfr", "false",
                "ledger-jvm-args", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        Path report = benchmark.run();

        String markdown = Files.readString(report);
        String output = log.toString(StandardCharsets.UTF_8);
        assertThat(markdown).as(output).contains("### Channels at the same offered load", "Offered load: --channel-rate=60",
                "### Raw PostgreSQL ceiling");
        for (String channel : new String[]{"http", "http-batch", "kafka"}) {
            // channel, connections, offered 60/s, messages, accepted/s, % of the raw ceiling, ..., unexpected 0
            assertThat(markdown).as(channel + "\n" + output).containsPattern("\\| " + channel
                    + " \\| \\d+ \\| 60 \\| [1-9]\\d* \\| [1-9]\\d* \\| [0-9.]+ % \\| [0-9.]+ \\| [0-9.]+ \\| \\{[^}]*\\} \\| 0 \\|");
            // CPU per message for the ledger and PostgreSQL, commits per message, and lag probes that all arrived
            assertThat(markdown).as(channel).containsPattern("\\| " + channel + " \\|.*\\| [0-9.]+ / [0-9.]+ \\| "
                    + "[0-9]+\\.\\d\\d \\| [1-9]\\d* \\| [0-9.]+ \\| [0-9.]+ \\| 0 \\|");
            assertThat(Files.readAllLines(out.resolve("work").resolve("lag-channel-" + channel + ".csv")))
                    .isNotEmpty().allMatch(line -> line.matches("1\\d{12},\\d+\\.\\d"));
        }
        assertThat(markdown).contains("| http-batch ≥ 25 % of raw PostgreSQL commits/s |",
                "| kafka ≥ 25 % of raw PostgreSQL commits/s |", "| kafka projection lag p99 < 1 s while it runs |");
        assertThat(benchmark.unexpectedAnswers()).as(output).isZero();
    }
}
