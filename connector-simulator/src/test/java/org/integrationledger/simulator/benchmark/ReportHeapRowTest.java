package org.integrationledger.simulator.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap target judges one ledger process's heap; the split pair's heaps together are shown, not judged. */
class ReportHeapRowTest {

    private static PhaseMeter.Usage usage(double together, double largestProcess) {
        return new PhaseMeter.Usage(together, 0, 0, 0, 0, "", "", 1, 0, -1, largestProcess);
    }

    @Test
    void judgesTheLargestProcessAndNamesTheSplitPairsSum() {
        List<String> row = Report.heapRow(List.of(usage(431, 431), usage(537, 300), usage(439, 439)), 1_036_711,
                "-Xmx512m");

        assertThat(row.get(1)).isEqualTo("peak heap in use of one ledger process 439 MiB (split pair's two heaps"
                + " together 537 MiB) at up to 1036711 events (-Xmx512m)");
        assertThat(row.get(2)).isEqualTo("met (by 73.00 MiB)");
    }

    @Test
    void missesWhenOneProcessNeedsMoreThan512MiB() {
        List<String> row = Report.heapRow(List.of(usage(600, 600)), 10, "default -Xmx: a quarter of RAM");

        assertThat(row.get(1)).isEqualTo("peak heap in use of one ledger process 600 MiB at up to 10 events"
                + " (default -Xmx: a quarter of RAM)");
        assertThat(row.get(2)).isEqualTo("**missed** (by 88.00 MiB)");
    }
}
