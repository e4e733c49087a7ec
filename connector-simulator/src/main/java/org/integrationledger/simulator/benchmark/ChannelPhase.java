package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.connector.Channel;
import org.integrationledger.simulator.connector.ChannelKind;
import org.integrationledger.simulator.connector.HttpBatchChannel;
import org.integrationledger.simulator.connector.HttpChannel;
import org.integrationledger.simulator.connector.KafkaChannel;
import org.integrationledger.simulator.connector.TrafficRun;
import org.integrationledger.simulator.workload.Workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The channel phase: one tuned ledger with the Kafka channel on, a real Kafka broker in this process (KRaft, one
 * node), and each channel (HTTP, HTTP batch, Kafka) offered the same load in turn while the {@link LagProbe} issues
 * an order over HTTP every {@value #PROBE_INTERVAL_MILLIS} ms and times until it is visible. Each channel is warmed
 * up unrecorded first, and each measured phase starts with every processor caught up and runs on through the
 * catch-up after its traffic, as the ingest phases do.
 */
final class ChannelPhase {

    /** One channel's measured phase. */
    record Row(ChannelKind channel, double offeredPerSecond, int connections, TrafficRun.Result traffic,
               LagProbe.Result lag, double catchUpSeconds, PhaseMeter.Usage usage) {

        /** Messages the ledger answered in the phase: the channel's and the lag probe's orders. */
        long ledgerMessages() {
            return traffic.messages() + lag.probes();
        }
    }

    /** Each channel's documents are its own: a channel sent another's message ids would only replay them. */
    private static final Map<ChannelKind, String> RUN_PREFIX = Map.of(ChannelKind.HTTP, "CH",
            ChannelKind.HTTP_BATCH, "CB", ChannelKind.KAFKA, "CK");

    /** Sparse enough that the probe's own orders stay a small share of the offered load. */
    static final long PROBE_INTERVAL_MILLIS = 100;

    private final Path workDirectory;
    private final Instant day;
    private final double warmupSeconds;
    private final double seconds;
    private final int batchSize;
    private final int batchConnections;
    private final Consumer<String> log;
    private final Consumer<LedgerProcess> catchUp;

    ChannelPhase(Path workDirectory, Instant day, double warmupSeconds, double seconds, int batchSize,
                 int batchConnections, Consumer<LedgerProcess> catchUp, Consumer<String> log) {
        this.workDirectory = workDirectory;
        this.day = day;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.batchSize = batchSize;
        this.batchConnections = batchConnections;
        this.catchUp = catchUp;
        this.log = log;
    }

    /**
     * Runs every channel at {@code rate} messages/s (closed loop, as fast as answered, when {@code rate} is null):
     * HTTP with {@code httpConnections}, the batch and Kafka channels with their own connections, each keeping a
     * batch's worth of documents open.
     */
    List<Row> run(LedgerProcess ledger, String kafka, Function<String, Workload> workloads, Double rate,
                  int httpConnections, LongSupplier commits) {
        List<Row> rows = new ArrayList<>();
        for (ChannelKind kind : ChannelKind.values()) {
            int connections = kind == ChannelKind.HTTP ? httpConnections : batchConnections;
            try (Channel channel = switch (kind) {
                case HTTP -> new HttpChannel(ledger.client());
                case HTTP_BATCH -> new HttpBatchChannel(ledger.client(), batchSize);
                case KAFKA -> new KafkaChannel(kafka, batchSize, KafkaChannel.DEVELOPMENT_TOPICS,
                        Duration.ofMinutes(2), published -> {
                });
            }) {
                TrafficRun traffic = new TrafficRun(channel, workloads.apply(RUN_PREFIX.get(kind)));
                long[] next = {0};
                log.accept(kind.flag() + ": warm-up " + warmupSeconds + " s (not recorded)");
                TrafficRun.Result warm = traffic.play(next[0], Long.MAX_VALUE, connections, warmupSeconds,
                        rate == null ? null : t -> rate);
                next[0] += warm.documents() + (long) connections * channel.documentsInFlight();
                rows.add(measure(kind, ledger, traffic, next, rate, connections, commits));
            }
        }
        return rows;
    }

    private Row measure(ChannelKind kind, LedgerProcess ledger, TrafficRun traffic, long[] next, Double rate,
                        int connections, LongSupplier commits) {
        catchUp.accept(ledger);
        log.accept(kind.flag() + ": " + (rate == null ? "as fast as answered" : Math.round(rate) + " messages/s offered")
                + " with " + connections + " connections, load " + PhaseMeter.loadAverage());
        try (PhaseMeter meter = new PhaseMeter(List.of(ledger), commits)) {
            TrafficRun.Result[] background = new TrafficRun.Result[1];
            long first = next[0];
            Thread load = new Thread(() -> background[0] = traffic.play(first, Long.MAX_VALUE, connections, seconds,
                    rate == null ? null : t -> rate), "channel-traffic");
            load.start();
            LagProbe.Result lag = new LagProbe(ledger.client(), ledger.client(),
                    "CHL" + kind.name().charAt(0) + System.nanoTime() % 100000, day).run(seconds, PROBE_INTERVAL_MILLIS);
            load.join();
            long caughtUpFrom = System.nanoTime();
            catchUp.accept(ledger);
            double catchUpSeconds = (System.nanoTime() - caughtUpFrom) / 1e9;
            Files.write(workDirectory.resolve("lag-channel-" + kind.flag() + ".csv"), lag.series());
            Row row = new Row(kind, rate == null ? Double.NaN : rate, connections, background[0], lag, catchUpSeconds,
                    meter.finish());
            log.accept(String.format("  %d messages, %.0f accepted/s, statuses %s, unexpected %d; lag p99 %.1f ms;"
                            + " caught up %.1f s after; %d commits", row.traffic().messages(),
                    row.traffic().acceptedPerSecond(), row.traffic().byStatus(), row.traffic().unexpected(),
                    lag.p(99), catchUpSeconds, row.usage().commits()));
            return row;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
