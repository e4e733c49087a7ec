package org.integrationledger.simulator.faults;

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
 * The fault suite's bounded profile: the packaged ledger jar as child processes on a fresh embedded PostgreSQL, killed
 * with SIGKILL under load (3 kills of one node, 2 of the segment owner of two nodes), sent the same messages on
 * both nodes at once, its PostgreSQL stopped for 20 s, and made to park one document (then retried) and one
 * unrepresentable one (then evicted); every view must agree with the event store afterwards. The figures go to a temporary
 * directory (never docs/).
 */
class FaultSuiteTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void noAcknowledgedEventIsLostAndNoEventIsAppliedTwiceAcrossKillsAndTakeovers(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FaultSuite suite = new FaultSuite(Map.of("profile", "ci", "out", out.toString(),
                "work-dir", out.resolve("work").toString()), new PrintStream(log, true, StandardCharsets.UTF_8));

        Path report = suite.run();

        String output = log.toString(StandardCharsets.UTF_8);
        // The figures of a passing run are worth reading too.
        System.out.print(output);
        assertThat(suite.results()).as(output).extracting(ScenarioResult::scenario)
                .contains(Scenario.KILL_UNDER_LOAD, Scenario.OWNER_KILLED_TWO_NODES, Scenario.SAME_MESSAGE_BOTH_NODES);
        assertThat(suite.results()).as(output).filteredOn(ScenarioResult::ran).allSatisfy(result -> {
            assertThat(result.acknowledged()).as(result.scenario() + " acknowledged").isPositive();
            assertThat(result.eventsLost()).as(result.scenario() + " events lost").isZero();
            assertThat(result.eventsAppliedTwice()).as(result.scenario() + " events applied twice").isZero();
            assertThat(result.documentsMismatching()).as(result.scenario() + " documents mismatching").isZero();
            assertThat(result.checksumMismatches()).as(result.scenario() + " checksums against a rebuild").isEmpty();
            assertThat(result.caughtUp()).as(result.scenario() + " projections caught up").isTrue();
            assertThat(result.passed()).as(result.scenario() + " " + result.other()).isTrue();
        });
        assertThat(suite.results()).as(output).allSatisfy(r -> assertThat(r.ran()).as(r.scenario() + " ran").isTrue());
        assertThat(suite.results()).filteredOn(r -> r.scenario() == Scenario.KILL_UNDER_LOAD
                || r.scenario() == Scenario.OWNER_KILLED_TWO_NODES).allSatisfy(r -> assertThat(r.kills()).isPositive());
        assertThat(Files.readString(report)).contains(FaultReport.START, "| kill -9 under load, one node | 3 |",
                "| two nodes, segment owner killed -9 | 2 |", "| database stopped for 20 s | 0 |",
                "| poison event parked and retried | 0 |", FaultReport.END);
    }
}
