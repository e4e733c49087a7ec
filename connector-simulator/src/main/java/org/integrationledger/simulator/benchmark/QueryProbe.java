package org.integrationledger.simulator.benchmark;

import org.HdrHistogram.Histogram;
import org.integrationledger.simulator.connector.ConsoleClient;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.ReferenceScenario;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the readers' questions, one request at a time after a warm-up, on whatever the store holds now: the JSON
 * API's queries with the reporting key, and the browser console's pages with a signed-in session (server round trip
 * of the HTML, without the browser's rendering).
 */
public final class QueryProbe {

    private static final long MAX_MICROS = 60_000_000L;
    private static final Pattern ORDER_ID = Pattern.compile("\"purchaseOrderId\"\\s*:\\s*\"([^\"]+)\"");

    /** Who asks: a connector-style reader of the JSON API, or a person in the console (each has its own target). */
    enum Surface { API, CONSOLE }

    /** One timed request: its path for the n-th sample and the status a good answer has. */
    private record Request(Surface surface, LongFunction<String> path, int expectedStatus) {
    }

    /** {@code warmupMicros}: the same query's requests during the warm-up rotation, i.e. on a JIT still compiling. */
    record Result(String query, Surface surface, Histogram latencyMicros, long errors, Histogram warmupMicros) {
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
    private final ConsoleClient console;
    private final String consoleRefusal;

    /** Times the console pages as the README's development auditor, who may open every page the probe reads. */
    QueryProbe(LedgerClient client) {
        this(client, ConsoleClient.AUDITOR, ConsoleClient.AUDITOR_PASSWORD);
    }

    QueryProbe(LedgerClient client, String consoleUser, String consolePassword) {
        this.client = client;
        ConsoleClient signedIn = null;
        String refusal = null;
        try {
            signedIn = ConsoleClient.signIn(client.base(), consoleUser, consolePassword);
        } catch (RuntimeException e) {
            // Every console page then counts as an error, and the report says why instead of the run ending here.
            refusal = e.getMessage();
        }
        this.console = signedIn;
        this.consoleRefusal = refusal;
    }

    /** Why the console pages could not be read (sign-in refused, no console), or null when they could. */
    String consoleRefusal() {
        return consoleRefusal;
    }

    /**
     * {@code purchaseOrderId} supplies existing order ids by number, for the per-document reads. First the queries
     * take turns, one request each, for {@code warmupSeconds}: on two cores the JIT keeps compiling the query paths
     * (Spring MVC, Jackson, JDBC) for minutes after a start, and while it does the ledger spends twice the CPU per
     * request (docs/benchmarks.md, "The JIT and the query figures"). Then each query is timed on its own.
     */
    List<Result> run(int repetitions, double warmupSeconds, LongFunction<String> purchaseOrderId, long orders) {
        Map<String, Request> queries = new LinkedHashMap<>();
        queries.put("reconciliation: POs not acknowledged > 30 min",
                api(n -> "/api/v1/reconciliation?documentType=PURCHASE_ORDER&divergence=NOT_ACKNOWLEDGED&divergentFor=PT30M"));
        queries.put("reconciliation: EMEA suppliers > 4 h",
                api(n -> "/api/v1/reconciliation?documentType=SUPPLIER&region=EMEA&divergentFor=PT4H"));
        queries.put("reconciliation: counts", api(n -> "/api/v1/reconciliation/counts"));
        queries.put("reconciliation: one PO", api(n -> "/api/v1/reconciliation/PURCHASE_ORDER/" + purchaseOrderId.apply(n)));
        queries.put("trace: one PO", api(n -> "/api/v1/trace/" + purchaseOrderId.apply(n)));
        queries.put("PO list: ERP_EMEA issued, page of 50",
                api(n -> "/api/v1/purchase-orders?erp=ERP_EMEA&procurementStatus=ISSUED&page=0&size=50"));
        queries.put("PO by id", api(n -> "/api/v1/purchase-orders/" + purchaseOrderId.apply(n)));
        queries.put("SLA open: EMEA PO posting breaches > 1 h, page of 50",
                api(n -> "/api/v1/slas/open?rule=po-approved-to-posted&state=BREACHED&region=EMEA&olderThan=PT1H&page=0&size=50"));
        queries.put("SLA open: all rules, page of 50", api(n -> "/api/v1/slas/open?page=0&size=50"));
        queries.put("SLA open: waiting for ERP_NA > 1 h, page of 50",
                api(n -> "/api/v1/slas/open?system=ERP_NA&olderThan=PT1H&page=0&size=50"));
        // A quarter of business time before now: it holds the bulk-loaded documents, which start 45 days back plus a
        // quarter of a second per document (docs/benchmarks.md, "Growth").
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        queries.put("SLA history: PO posting, last 90 days",
                api(n -> "/api/v1/slas/history?rule=po-approved-to-posted&from=" + now.minus(Duration.ofDays(90)) + "&to=" + now));
        queries.put("SLA history: PO posting met late, last 90 days",
                api(n -> "/api/v1/slas/history?rule=po-approved-to-posted&from=" + now.minus(Duration.ofDays(90)) + "&to=" + now
                        + "&outcome=MET_LATE"));
        queries.put("invoice exceptions: EMEA queue, page of 50", api(n -> "/api/v1/invoice-exceptions?region=EMEA&page=0&size=50"));
        // The period-end accrual of one legal entity (docs/accruals.md): yesterday's close holds every bulk-loaded
        // receipt (the latest lies 35 days back), nearly all open, as none is invoiced; the knownAt variant reads the
        // balances on both time axes.
        String periodEnd = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        queries.put("accruals: DE01 at period end, page of 100",
                api(n -> "/api/v1/accruals?periodEnd=" + periodEnd + "&legalEntity=DE01"));
        queries.put("accruals: DE01 at period end as known at an instant, page of 100",
                api(n -> "/api/v1/accruals?periodEnd=" + periodEnd + "&legalEntity=DE01&knownAt=" + now));
        // The console's pages for the same questions, as a person opens them (docs/console.md); each reads through the
        // same query side as the API above, so a page's cost beyond its query is the page's own.
        queries.put("console: SLA board", page(n -> "/console/sla"));
        queries.put("console: SLA clocks, EMEA PO posting breached, page of 50",
                page(n -> "/console/sla/clocks?rule=po-approved-to-posted&region=EMEA&state=BREACHED"));
        queries.put("console: reconciliation board", page(n -> "/console/reconciliation"));
        queries.put("console: reconciliation documents, POs not acknowledged, page of 50",
                page(n -> "/console/reconciliation/documents?documentType=PURCHASE_ORDER&divergence=NOT_ACKNOWLEDGED"));
        queries.put("console: document page, one PO",
                page(n -> "/console/documents/purchase-order/" + purchaseOrderId.apply(n)));
        queries.put("console: document page as of a day ago, one PO", page(n -> "/console/documents/purchase-order/"
                + purchaseOrderId.apply(n) + "?asOf=" + now.minus(Duration.ofDays(1))));
        queries.put("console: audit history, one PO",
                page(n -> "/console/audit/purchase-order/" + purchaseOrderId.apply(n)));
        queries.put("console: invoice exceptions, open, page of 50", page(n -> "/console/exceptions"));
        queries.put("console: operations", page(n -> "/console/operations"));
        queries.put("console: accruals, DE01 at period end",
                page(n -> "/console/accruals?periodEnd=" + periodEnd + "&legalEntity=DE01"));
        // The search box answers with a redirect to the document's page; timed without the page it leads to.
        queries.put("console: search box, one PO", new Request(Surface.CONSOLE,
                n -> "/console/search?q=" + purchaseOrderId.apply(n), 302));
        SplittableRandom random = new SplittableRandom(11);
        Map<String, Histogram> warmup = new LinkedHashMap<>();
        queries.keySet().forEach(name -> warmup.put(name, newHistogram()));
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (warmupSeconds > 0 && System.nanoTime() < warmupEnd) {
            queries.forEach((name, request) -> {
                long micros = answeredMicros(request, random.nextLong(Math.max(1, orders)));
                if (micros >= 0) {
                    warmup.get(name).recordValue(micros);
                }
            });
        }
        return queries.entrySet().stream().map(query -> {
            Histogram histogram = newHistogram();
            long errors = 0;
            for (int i = -Math.min(50, repetitions); i < repetitions; i++) {
                long micros = answeredMicros(query.getValue(), random.nextLong(Math.max(1, orders)));
                if (micros < 0) {
                    errors++;
                } else if (i >= 0) {
                    histogram.recordValue(micros);
                }
            }
            return new Result(query.getKey(), query.getValue().surface(), histogram, errors, warmup.get(query.getKey()));
        }).toList();
    }

    private static Request api(LongFunction<String> path) {
        return new Request(Surface.API, path, 200);
    }

    private static Request page(LongFunction<String> path) {
        return new Request(Surface.CONSOLE, path, 200);
    }

    /**
     * One request's latency in microseconds (at most a minute), or -1 when the answer was not the expected one (or
     * the console could not be signed in to).
     */
    private long answeredMicros(Request request, long n) {
        String path = request.path().apply(n);
        if (request.surface() == Surface.CONSOLE && console == null) {
            return -1;
        }
        long t0 = System.nanoTime();
        LedgerClient.Answer answer = request.surface() == Surface.API
                ? client.get(path, ReferenceScenario.REPORTING_KEY) : console.get(path);
        long micros = Math.min((System.nanoTime() - t0) / 1000, MAX_MICROS);
        return answer.status() == request.expectedStatus() ? micros : -1;
    }

    private static Histogram newHistogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    /**
     * The query phase alone against a running ledger ({@code queries --ledger=URL [--warmup-seconds=S]}): the
     * benchmark's requests and console pages, with order ids from the ledger's first purchase-order page, the pages
     * read as {@code consoleUser}. For comparing a change on the same data without a whole run; prints one line per
     * query and the worst p99 of each surface against its target.
     */
    public static void measure(LedgerClient client, String consoleUser, String consolePassword, int repetitions,
                               double warmupSeconds, PrintStream out) {
        LedgerClient.Answer page = client.get("/api/v1/purchase-orders?page=0&size=200", ReferenceScenario.REPORTING_KEY);
        List<String> ids = new ArrayList<>();
        Matcher matcher = ORDER_ID.matcher(page.status() == 200 ? page.body() : "");
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty()) {
            ids.add("PO-none");
        }
        QueryProbe probe = new QueryProbe(client, consoleUser, consolePassword);
        if (probe.consoleRefusal() != null) {
            out.println("console pages not timed: " + probe.consoleRefusal());
        }
        List<Result> results = probe.run(repetitions, warmupSeconds, n -> ids.get((int) (n % ids.size())), ids.size());
        results.forEach(q -> out.printf("%-70s p50 %6.1f ms  p99 %6.1f ms  errors %d  (warm-up: %d requests, p50 %.1f,"
                + " p99 %.1f ms)%n", q.query(), q.p(50), q.p(99), q.errors(), q.warmupMicros().getTotalCount(),
                q.warmupP(50), q.warmupP(99)));
        for (Surface surface : Surface.values()) {
            results.stream().filter(q -> q.surface() == surface).max(Comparator.comparingDouble(q -> q.p(99)))
                    .ifPresent(worst -> out.printf("worst %s p99 %.1f ms (target < %.0f ms): %s%n",
                            surface == Surface.API ? "API query" : "console page", worst.p(99), targetP99Millis(surface),
                            worst.query()));
        }
    }

    /** The p99 a request of this surface must stay under on the 1 M-document store (docs/benchmarks.md, issue 31). */
    static double targetP99Millis(Surface surface) {
        return surface == Surface.API ? 20 : 300;
    }
}
