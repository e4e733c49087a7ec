package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.connector.TrafficRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The projection-lag phases: background traffic at a fixed rate from one thread, the {@link LagProbe} from
 * another, and each probe written to {@code lag-<configuration>.csv} in the work directory. Every measured phase
 * follows an unrecorded one of the same length and load: the traffic warm-up warms the command side and the
 * projections, but only the probe calls {@code GET /api/v1/purchase-orders/{id}}, and its first calls and cold JIT
 * landed in the first minute of the measured phase (docs/benchmarks.md, "Lag: the first minute").
 */
final class LagPhase {

    /** Waits until the projections of the given ledger (commands, then the reader) have caught up. */
    interface CatchUp {
        void await(LedgerProcess commands, LedgerProcess queries);
    }

    private final double seconds;
    private final Double fixedRate;
    private final Path workDirectory;
    private final Instant day;
    private final CatchUp catchUp;
    private final Consumer<String> log;

    /** {@code fixedRate}: messages/s from {@code --lag-rate}, or null for half of each configuration's maximum. */
    LagPhase(double seconds, Double fixedRate, Path workDirectory, Instant day, CatchUp catchUp, Consumer<String> log) {
        this.seconds = seconds;
        this.fixedRate = fixedRate;
        this.workDirectory = workDirectory;
        this.day = day;
        this.catchUp = catchUp;
        this.log = log;
    }

    /**
     * The unrecorded phase, a catch-up, then the measured phase. The load is half the maximum just measured, as
     * the target says, unless a fixed rate was given, so configurations can be compared at the same load.
     */
    Results.Lag warmed(String configuration, String warmUp, LedgerProcess commands, LedgerProcess queries,
                       TrafficRun traffic, long[] next, double halfOfMaximum, int concurrency) {
        double rate = fixedRate != null ? fixedRate : halfOfMaximum;
        measure(warmUp, commands, queries, traffic, next, rate, concurrency);
        catchUp.await(commands, queries);
        return measure(configuration, commands, queries, traffic, next, rate, concurrency);
    }

    private Results.Lag measure(String configuration, LedgerProcess commands, LedgerProcess queries,
                                TrafficRun traffic, long[] next, double rate, int concurrency) {
        log.accept(configuration + ": projection lag with background traffic at " + Math.round(rate) + " messages/s");
        List<LedgerProcess> watched = commands == queries ? List.of(commands) : List.of(commands, queries);
        try (PhaseMeter meter = new PhaseMeter(watched)) {
            TrafficRun.Result[] background = new TrafficRun.Result[1];
            long first = next[0];
            Thread load = new Thread(() -> background[0] = traffic.play(first, Long.MAX_VALUE, concurrency,
                    seconds + 1, t -> rate));
            load.start();
            LagProbe.Result lag = new LagProbe(commands.client(), queries.client(),
                    "LAG" + configuration.replaceAll("[^A-Za-z]", "").substring(0, 4) + System.nanoTime() % 100000, day)
                    .run(seconds, 20);
            load.join();
            next[0] += background[0].documents() + concurrency;
            Path series = workDirectory.resolve("lag-" + configuration.replaceAll("[^A-Za-z]+", "-") + ".csv");
            Files.write(series, lag.series());
            log.accept(String.format("  lag p50 %.1f ms, p99 %.1f ms over %d probes (each probe: %s)", lag.p(50),
                    lag.p(99), lag.probes(), series));
            return new Results.Lag(configuration, rate, background[0], lag, meter.finish());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
