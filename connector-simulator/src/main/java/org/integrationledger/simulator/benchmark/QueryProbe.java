package org.integrationledger.simulator.benchmark;

import org.HdrHistogram.Histogram;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.ReferenceScenario;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Latency of the readers' questions, one request at a time after a warm-up, on whatever the store holds now. */
public final class QueryProbe {

    private static final long MAX_MICROS = 60_000_000L;
    private static final Pattern ORDER_ID = Pattern.compile("\"purchaseOrderId\"\\s*:\\s*\"([^\"]+)\"");

    /** {@code warmupMicros}: the same query's requests during the warm-up rotation, i.e. on a JIT still compiling. */
    record Result(String query, Histogram latencyMicros, long errors, Histogram warmupMicros) {
        double p(double percentile) {
            return percentile(latencyMicros, percentile);
        }

        double warmupP(double percentile) {
            return percentile(warmupMicros, percentile);
        }

        private static double percentile(Histogram histogram, double percentile) {
            return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final LedgerClient client;

    QueryProbe(LedgerClient client) {
        this.client = client;
    }

    /**
     * {@code purchaseOrderId} supplies existing order ids by number, for the per-document reads. First the queries
     * take turns, one request each, for {@code warmupSeconds}: on two cores the JIT keeps compiling the query paths
     * (Spring MVC, Jackson, JDBC) for minutes after a start, and while it does the ledger spends twice the CPU per
     * request (docs/benchmarks.md, "The JIT and the query figures"). Then each query is timed on its own.
     */
    List<Result> run(int repetitions, double warmupSeconds, LongFunction<String> purchaseOrderId, long orders) {
        Map<String, LongFunction<String>> queries = new LinkedHashMap<>();
        queries.put("reconciliation: POs not acknowledged > 30 min",
                n -> "/api/v1/reconciliation?documentType=PURCHASE_ORDER&divergence=NOT_ACKNOWLEDGED&divergentFor=PT30M");
        queries.put("reconciliation: EMEA suppliers > 4 h",
                n -> "/api/v1/reconciliation?documentType=SUPPLIER&region=EMEA&divergentFor=PT4H");
        queries.put("reconciliation: counts", n -> "/api/v1/reconciliation/counts");
        queries.put("reconciliation: one PO", n -> "/api/v1/reconciliation/PURCHASE_ORDER/" + purchaseOrderId.apply(n));
        queries.put("trace: one PO", n -> "/api/v1/trace/" + purchaseOrderId.apply(n));
        queries.put("PO list: ERP_EMEA issued, page of 50",
                n -> "/api/v1/purchase-orders?erp=ERP_EMEA&procurementStatus=ISSUED&page=0&size=50");
        queries.put("PO by id", n -> "/api/v1/purchase-orders/" + purchaseOrderId.apply(n));
        queries.put("SLA open: EMEA PO posting breaches > 1 h, page of 50",
                n -> "/api/v1/slas/open?rule=po-approved-to-posted&state=BREACHED&region=EMEA&olderThan=PT1H&page=0&size=50");
        queries.put("SLA open: all rules, page of 50", n -> "/api/v1/slas/open?page=0&size=50");
        queries.put("SLA open: waiting for ERP_NA > 1 h, page of 50",
                n -> "/api/v1/slas/open?system=ERP_NA&olderThan=PT1H&page=0&size=50");
        // A quarter of business time before now: it holds the bulk-loaded documents, which start 45 days back plus a
        // quarter of a second per document (docs/benchmarks.md, "Growth").
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        queries.put("SLA history: PO posting, last 90 days",
                n -> "/api/v1/slas/history?rule=po-approved-to-posted&from=" + now.minus(Duration.ofDays(90)) + "&to=" + now);
        queries.put("SLA history: PO posting met late, last 90 days",
                n -> "/api/v1/slas/history?rule=po-approved-to-posted&from=" + now.minus(Duration.ofDays(90)) + "&to=" + now
                        + "&outcome=MET_LATE");
        queries.put("invoice exceptions: EMEA queue, page of 50", n -> "/api/v1/invoice-exceptions?region=EMEA&page=0&size=50");
        SplittableRandom random = new SplittableRandom(11);
        Map<String, Histogram> warmup = new LinkedHashMap<>();
        queries.keySet().forEach(name -> warmup.put(name, newHistogram()));
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (warmupSeconds > 0 && System.nanoTime() < warmupEnd) {
            queries.forEach((name, path) -> {
                long micros = answeredMicros(path.apply(random.nextLong(Math.max(1, orders))));
                if (micros >= 0) {
                    warmup.get(name).recordValue(micros);
                }
            });
        }
        return queries.entrySet().stream().map(query -> {
            Histogram histogram = newHistogram();
            long errors = 0;
            for (int i = -Math.min(50, repetitions); i < repetitions; i++) {
                long micros = answeredMicros(query.getValue().apply(random.nextLong(Math.max(1, orders))));
                if (micros < 0) {
                    errors++;
                } else if (i >= 0) {
                    histogram.recordValue(micros);
                }
            }
            return new Result(query.getKey(), histogram, errors, warmup.get(query.getKey()));
        }).toList();
    }

    /** One request's latency in microseconds (at most a minute), or -1 when the answer was not a 200. */
    private long answeredMicros(String path) {
        long t0 = System.nanoTime();
        LedgerClient.Answer answer = client.get(path, ReferenceScenario.REPORTING_KEY);
        return answer.status() == 200 ? Math.min((System.nanoTime() - t0) / 1000, MAX_MICROS) : -1;
    }

    private static Histogram newHistogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    /**
     * The query phase alone against a running ledger ({@code queries --ledger=URL [--warmup-seconds=S]}): the
     * benchmark's requests, with order ids from the ledger's first purchase-order page. For comparing a change on
     * the same data without a whole run; prints one line per query.
     */
    public static void measure(LedgerClient client, int repetitions, double warmupSeconds, PrintStream out) {
        LedgerClient.Answer page = client.get("/api/v1/purchase-orders?page=0&size=200", ReferenceScenario.REPORTING_KEY);
        List<String> ids = new ArrayList<>();
        Matcher matcher = ORDER_ID.matcher(page.status() == 200 ? page.body() : "");
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty()) {
            ids.add("PO-none");
        }
        new QueryProbe(client).run(repetitions, warmupSeconds, n -> ids.get((int) (n % ids.size())), ids.size())
                .forEach(q -> out.printf("%-55s p50 %6.1f ms  p99 %6.1f ms  errors %d  (warm-up: %d requests, p50 %.1f,"
                        + " p99 %.1f ms)%n", q.query(), q.p(50), q.p(99), q.errors(), q.warmupMicros().getTotalCount(),
                        q.warmupP(50), q.warmupP(99)));
    }
}
