package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.ReferenceScenario;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rebuilds a projection through the audit API and times it from the POST to COMPLETED; totals over several. */
final class ReplayProbe {

    record Result(String projection, String state, long events, double seconds, double reportedEventsPerSecond) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final LedgerClient client;

    ReplayProbe(LedgerClient client) {
        this.client = client;
    }

    Result rebuild(String projection) {
        String path = "/api/v1/audit/projections/" + projection + "/rebuild";
        long t0 = System.nanoTime();
        LedgerClient.Answer answer = client.post(path, ReferenceScenario.ADMIN_KEY);
        if (answer.status() / 100 != 2) {
            return new Result(projection, "HTTP " + answer.status(), 0, 0, 0);
        }
        while (true) {
            LedgerProcess.sleep(100);
            answer = client.get(path, ReferenceScenario.ADMIN_KEY);
            String state = field(answer.body(), "state");
            if ("COMPLETED".equals(state) || "FAILED".equals(state)) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                String events = field(answer.body(), "eventsProcessed");
                String rate = field(answer.body(), "eventsPerSecond");
                return new Result(projection, state, events == null ? 0 : Long.parseLong(events), seconds,
                        rate == null ? Double.NaN : Double.parseDouble(rate));
            }
            if (System.nanoTime() - t0 > 3_600_000_000_000L) {
                return new Result(projection, "TIMEOUT", 0, (System.nanoTime() - t0) / 1e9, 0);
            }
        }
    }

    static final String ONE_PASS = "all, one pass";

    /**
     * Rebuilds every projection in one pass ({@code POST /api/v1/audit/projections/rebuild}): the store is read
     * once for all of them. Timed from the POST until every projection reports COMPLETED (or one FAILED); the
     * events are those of one pass, since each event is read once.
     */
    Result rebuildAll(List<String> projections) {
        long t0 = System.nanoTime();
        LedgerClient.Answer answer = client.post("/api/v1/audit/projections/rebuild", ReferenceScenario.ADMIN_KEY);
        if (answer.status() / 100 != 2) {
            return new Result(ONE_PASS, "HTTP " + answer.status(), 0, 0, 0);
        }
        List<String> waiting = new ArrayList<>(projections);
        long events = 0;
        double reported = Double.NaN;
        while (!waiting.isEmpty()) {
            LedgerProcess.sleep(100);
            if (System.nanoTime() - t0 > 3_600_000_000_000L) {
                return new Result(ONE_PASS, "TIMEOUT", 0, (System.nanoTime() - t0) / 1e9, 0);
            }
            for (Iterator<String> it = waiting.iterator(); it.hasNext(); ) {
                String body = client.get("/api/v1/audit/projections/" + it.next() + "/rebuild",
                        ReferenceScenario.ADMIN_KEY).body();
                String state = field(body, "state");
                if ("FAILED".equals(state)) {
                    return new Result(ONE_PASS, "FAILED", 0, (System.nanoTime() - t0) / 1e9, 0);
                }
                if ("COMPLETED".equals(state)) {
                    events = Long.parseLong(field(body, "eventsProcessed"));
                    reported = Double.parseDouble(field(body, "eventsPerSecond"));
                    it.remove();
                }
            }
        }
        return new Result(ONE_PASS, "COMPLETED", events, (System.nanoTime() - t0) / 1e9, reported);
    }

    /** Events over all completed rebuilds: each rebuild reads the whole store once. */
    static long totalEvents(List<Result> results) {
        return results.stream().filter(r -> "COMPLETED".equals(r.state()) && !ONE_PASS.equals(r.projection())).mapToLong(Result::events).sum();
    }

    static double totalSeconds(List<Result> results) {
        return results.stream().filter(r -> "COMPLETED".equals(r.state()) && !ONE_PASS.equals(r.projection())).mapToDouble(Result::seconds).sum();
    }

    /** Events per second of all completed rebuilds one after another (each runs alone, as the ledger runs them). */
    static double totalEventsPerSecond(List<Result> results) {
        double seconds = totalSeconds(results);
        return seconds <= 0 ? Double.NaN : totalEvents(results) / seconds;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
