package org.integrationledger.simulator.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures land between the markers of reliability.md and nothing around them changes. */
class FaultReportTest {

    private static final FaultProfile CI = FaultProfile.of(Map.of());

    @Test
    void replacesOnlyTheTextBetweenTheMarkersAndFailsAScenarioThatAppliedAnEventTwice(@TempDir Path docs)
            throws Exception {
        Files.writeString(docs.resolve("reliability.md"), "# Reliability\n\nanalysis above\n\n" + FaultReport.START
                + "\nold figures\n" + FaultReport.END + "\n\nanalysis below\n");
        ScenarioResult doubled = new ScenarioResult(Scenario.KILL_UNDER_LOAD, 180, 146, 3, 0, 2, 2,
                List.of("purchase-order-view"), "", true, 142, List.of("kill 2: purchase_order_view.event_count PO-1: view 4, store 3"));

        new FaultReport(List.of(doubled, ScenarioResult.notRun(Scenario.DATABASE_STOPPED,
                "not run: needs the embedded PostgreSQL")), CI, "faults", 150)
                .write(docs);

        String written = Files.readString(docs.resolve("reliability.md"));
        assertThat(written).startsWith("# Reliability\n\nanalysis above\n\n" + FaultReport.START)
                .endsWith(FaultReport.END + "\n\nanalysis below\n").doesNotContain("old figures")
                .contains("| kill -9 under load, one node | 3 | 180 | 146 | 0 | 2 | 2 | purchase-order-view |",
                        "| **FAIL** |", "- kill 2: purchase_order_view.event_count PO-1: view 4, store 3",
                        "| database stopped for 20 s | — |", "not run: needs the embedded PostgreSQL");
        assertThat(doubled.passed()).isFalse();
        assertThat(ScenarioResult.notRun(Scenario.POISON_EVENT_PARKED, "not run").passed()).isTrue();
    }

    @Test
    void theCiProfileIsBoundedAndTargetsTheRedeliveryWindow() {
        assertThat(CI.singleNodeKills()).isEqualTo(3);
        assertThat(CI.ownerKills()).isEqualTo(2);
        assertThat(CI.burst()).isTrue();
        assertThat(CI.targeted()).isTrue();
        assertThat(FaultProfile.of(Map.of("profile", "long", "kills", "5")).singleNodeKills()).isEqualTo(5);
    }
}
