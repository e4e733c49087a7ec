package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.connector.TrafficRun;
import org.integrationledger.simulator.workload.ReferenceScenario;
import org.integrationledger.simulator.workload.Workload;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The growth phase's preload: fills the tuned ledger's store to a level, through the ledger's bulk loader
 * ({@code bulk}, the default) or with the simulator over HTTP ({@code http}), and times the projections' catch-up.
 */
final class Preload {

    /** Documents per bulk-load request: one request stays within minutes, and the log shows progress. */
    private static final long BULK_CHUNK_DOCUMENTS = 250_000;
    /**
     * A little below the bulk loader's average of about 3.3 events per document (docs/benchmarks.md, "Growth"), so
     * one request usually reaches the level instead of a second one topping it up by a few events.
     */
    private static final double BULK_EVENTS_PER_DOCUMENT = 3.2;
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofHours(6);

    private final boolean bulk;
    private final long seed;
    private final int concurrency;
    private final Function<String, Workload> workload;
    private final List<Results.Preload> preloads;
    private final Consumer<String> log;

    Preload(String mode, long seed, int concurrency, Function<String, Workload> workload,
            List<Results.Preload> preloads, Consumer<String> log) {
        if (!mode.equals("bulk") && !mode.equals("http")) {
            throw new IllegalArgumentException("--preload=" + mode + ": use bulk or http");
        }
        this.bulk = mode.equals("bulk");
        this.seed = seed;
        this.concurrency = concurrency;
        this.workload = workload;
        this.preloads = preloads;
        this.log = log;
    }

    String describe() {
        return bulk ? "bulk loader (POST /api/v1/benchmark/bulk-load)" : "over HTTP at concurrency " + concurrency;
    }

    /** Grows the store to {@code target} events, then waits until every projection has caught up. */
    void fill(Database database, String url, LedgerProcess ledger, long target) throws SQLException {
        if (bulk) {
            bulkPreload(database, url, ledger, target);
        } else {
            httpPreload(database, url, ledger, target);
        }
    }

    /**
     * Grows the store through the ledger's bulk loader (its own event store, chain and subscribing processors,
     * many documents per transaction) with the streaming processors paused, then waits for every projection: the
     * catch-up (all of them from the load's end) is a first replay figure.
     */
    private void bulkPreload(Database database, String url, LedgerProcess ledger, long target) throws SQLException {
        long from = Benchmark.storedEvents(database, url);
        log.accept("preload from " + from + " to " + target + " events through the bulk loader");
        try (PhaseMeter meter = new PhaseMeter(List.of(ledger))) {
            long stored = from;
            long documents = 0;
            long loaded = 0;
            int chunk = 0;
            long t0 = System.nanoTime();
            while (stored < target) {
                long wanted = Math.max(10, Math.min(BULK_CHUNK_DOCUMENTS,
                        (long) Math.ceil((target - stored) / BULK_EVENTS_PER_DOCUMENT) + 10));
                // A run id per chunk and level, so a later level never reloads (and is never refused for) a chunk.
                String runId = "BULK" + Math.floorMod(seed, 10_000) + "-" + target + "-" + chunk++;
                LedgerClient.Answer answer = ledger.client().postJson("/api/v1/benchmark/bulk-load",
                        ReferenceScenario.ADMIN_KEY, "{\"documents\":" + wanted + ",\"seed\":" + seed
                                + ",\"runId\":\"" + runId + "\",\"pauseProjections\":true}", Duration.ofHours(2));
                if (answer.status() != 200) {
                    throw new IllegalStateException("bulk load " + runId + " answered " + answer.status() + ": "
                            + answer.body());
                }
                documents += wanted;
                loaded += Long.parseLong(ReplayProbe.field(answer.body(), "events"));
                stored = Benchmark.storedEvents(database, url);
                log.accept(String.format("  stored %d events (%s events/s in the ledger)", stored,
                        Math.round(Double.parseDouble(ReplayProbe.field(answer.body(), "eventsPerSecond")))));
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            double catchUp = awaitCaughtUp(ledger);
            log.accept(String.format("  loaded %d events (%d documents) in %.1f s = %.0f events/s; projections caught up "
                    + "%.1f s later", loaded, documents, loadSeconds, loaded / loadSeconds, catchUp));
            preloads.add(new Results.Preload("bulk", from, stored, documents, loaded, loadSeconds, catchUp,
                    null, meter.finish()));
        }
    }

    private void httpPreload(Database database, String url, LedgerProcess ledger, long target) throws SQLException {
        long from = Benchmark.storedEvents(database, url);
        log.accept("preload from " + from + " to " + target + " events over HTTP at concurrency " + concurrency);
        TrafficRun traffic = new TrafficRun(ledger.client(), workload.apply("P" + target));
        long nextDocument = 0;
        try (PhaseMeter meter = new PhaseMeter(List.of(ledger))) {
            TrafficRun.Result last = null;
            long stored = from;
            long t0 = System.nanoTime();
            while (stored < target) {
                long documents = Math.max(100, (target - stored) / 6);
                last = traffic.play(nextDocument, nextDocument + documents, concurrency, 1e9, null);
                nextDocument += documents;
                stored = Benchmark.storedEvents(database, url);
                log.accept("  stored " + stored + " events (" + Math.round(last.acceptedPerSecond()) + " messages/s)");
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            double catchUp = awaitCaughtUp(ledger);
            preloads.add(new Results.Preload("http", from, stored, nextDocument, stored - from, loadSeconds,
                    catchUp, last, meter.finish()));
        }
    }

    /**
     * Seconds until every streaming processor has handled every event stored when the wait began (the bulk
     * loader's {@code GET /api/v1/benchmark/projections}).
     */
    private double awaitCaughtUp(LedgerProcess ledger) {
        long t0 = System.nanoTime();
        long lastLog = t0;
        while (true) {
            LedgerClient.Answer answer = ledger.client().get("/api/v1/benchmark/projections",
                    ReferenceScenario.REPORTING_KEY);
            if (answer.status() != 200) {
                throw new IllegalStateException("projection positions answered " + answer.status() + ": " + answer.body());
            }
            if ("true".equals(ReplayProbe.field(answer.body(), "caughtUp"))) {
                return (System.nanoTime() - t0) / 1e9;
            }
            long now = System.nanoTime();
            if (now - t0 > CATCH_UP_TIMEOUT.toNanos()) {
                throw new IllegalStateException("projections did not catch up in " + CATCH_UP_TIMEOUT + ": " + answer.body());
            }
            if (now - lastLog > 30_000_000_000L) {
                log.accept("  catching up: " + answer.body());
                lastLog = now;
            }
            LedgerProcess.sleep(250);
        }
    }
}
