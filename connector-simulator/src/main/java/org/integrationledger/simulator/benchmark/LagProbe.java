package org.integrationledger.simulator.benchmark;

import org.HdrHistogram.Histogram;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.Message;
import org.integrationledger.simulator.workload.PurchaseOrderLifecycle;
import org.integrationledger.simulator.workload.ReferenceScenario;
import org.integrationledger.simulator.workload.Workload;
import org.integrationledger.simulator.workload.WorkloadSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Projection lag as a reader feels it: a fresh purchase order is issued (command process), and from its 200 the
 * probe polls {@code GET /api/v1/purchase-orders/{id}} (query process) every {@value #POLL_MILLIS} ms until the
 * order shows as issued. The figure includes one query's latency and up to one poll interval, so it is an upper
 * bound of the processor's own lag. (Polling every millisecond made the probe itself several hundred requests
 * a second on the ledger's two cores, which inflated the lag it measured.)
 */
final class LagProbe {

    static final long POLL_MILLIS = 5;

    /**
     * {@code series} holds one line per probe, "epoch ms of the acknowledgment,lag ms" (-1 for a timeout), so a tail can
     * be laid beside the ledger's GC log and its own log lines (a periodic stall shows as evenly spaced spikes).
     */
    record Result(Histogram lagMicros, long probes, long timeouts, List<String> series) {
        double p(double percentile) {
            return lagMicros.getTotalCount() == 0 ? Double.NaN : lagMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final LedgerClient commands;
    private final LedgerClient queries;
    private final Workload probeDocuments;
    private final PurchaseOrderLifecycle lifecycle = new PurchaseOrderLifecycle();

    LagProbe(LedgerClient commands, LedgerClient queries, String runId, Instant day) {
        this.commands = commands;
        this.queries = queries;
        this.probeDocuments = new Workload(7L, WorkloadSettings.defaults(runId, day).withRetryShare(0),
                List.of(new Workload.Share(lifecycle, 100)));
    }

    /** One probe: waits (up to 30 s) until a fresh order is visible; returns its lag in ms or -1. */
    double once() {
        Result result = probes(1, Long.MAX_VALUE, 0);
        return result.lagMicros().getTotalCount() == 0 ? -1 : result.p(100);
    }

    /** Issues a probe every {@code intervalMillis} until {@code seconds} have passed. */
    Result run(double seconds, long intervalMillis) {
        return probes(Long.MAX_VALUE, System.nanoTime() + (long) (seconds * 1e9), intervalMillis);
    }

    private Result probes(long count, long deadline, long intervalMillis) {
        Histogram lag = new Histogram(60_000_000L, 3);
        long probes = 0;
        long timeouts = 0;
        List<String> series = new ArrayList<>();
        long base = System.nanoTime() % 1_000_000_000L * 1000;
        for (long n = base; n - base < count && System.nanoTime() < deadline; n++) {
            Message issue = probeDocuments.document(lifecycle, n).stream().filter(m -> m.step().equals("issue"))
                    .findFirst().orElseThrow();
            if (commands.send(issue).status() != 200) {
                continue;
            }
            long acknowledged = System.nanoTime();
            long acknowledgedAt = System.currentTimeMillis();
            String path = "/api/v1/purchase-orders/" + issue.documentId();
            boolean seen = false;
            while (System.nanoTime() - acknowledged < 30_000_000_000L) {
                LedgerClient.Answer answer = queries.get(path, ReferenceScenario.REPORTING_KEY);
                if (answer.status() == 200 && answer.body().contains("\"procurementStatus\":\"ISSUED\"")) {
                    seen = true;
                    break;
                }
                LedgerProcess.sleep(POLL_MILLIS);
            }
            probes++;
            long micros = (System.nanoTime() - acknowledged) / 1000;
            if (seen) {
                lag.recordValue(Math.min(micros, 60_000_000L));
            } else {
                timeouts++;
            }
            series.add(acknowledgedAt + "," + (seen ? String.format(Locale.ROOT, "%.1f", micros / 1000.0) : "-1"));
            LedgerProcess.sleep(intervalMillis);
        }
        return new Result(lag, probes, timeouts, series);
    }
}
