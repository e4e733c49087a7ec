package org.integrationledger.simulator;

import org.integrationledger.simulator.benchmark.Benchmark;
import org.integrationledger.simulator.benchmark.QueryProbe;
import org.integrationledger.simulator.connector.Channel;
import org.integrationledger.simulator.connector.ChannelKind;
import org.integrationledger.simulator.connector.ConsoleClient;
import org.integrationledger.simulator.connector.HttpBatchChannel;
import org.integrationledger.simulator.connector.HttpChannel;
import org.integrationledger.simulator.connector.KafkaChannel;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.connector.TrafficRun;
import org.integrationledger.simulator.faults.FaultSuite;
import org.integrationledger.simulator.workload.Workload;
import org.integrationledger.simulator.workload.WorkloadSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Command line: {@code simulate} (default) plays the reference scenario against a running ledger, {@code demo}
 * fills one with a realistic month of P2P traffic, {@code benchmark} runs the benchmark harness, {@code faults} the fault
 * suite.
 */
public final class ConnectorSimulator {

    private static final String USAGE = """
            usage: java -jar connector-simulator.jar [simulate|demo|benchmark|faults] [--flag=value ...]
              simulate  --ledger=http://localhost:8080 --scale=1000 --seed=42 --concurrency=16 [--run-id=R42]
                        [--retry-share=0.05] [--quarter-end] [--rate=200 --surge=4] [--day=2026-11-23]
                        (documents start over the last 30 days, or all on --day; steps still ahead are not sent)
                        [--channel=http|http-batch|kafka] [--batch-size=100] [--kafka=localhost:9092]
                        (http: one request per message; http-batch: POST /api/v1/messages, up to --batch-size
                        messages of one connector per request; kafka: records on the systems' topics of the broker
                        --kafka, outcomes read from ledger.outcomes; docs/connectors.md)
              demo      --ledger=http://localhost:8080 [--seed=42]   (~600 documents of the last 30 days)
              queries   --ledger=http://localhost:8080 [--repetitions=500] [--warmup-seconds=0]
                        [--console-user=auditor --console-password=...]  (the console pages are read signed in)
                        (the benchmark's query phase alone, API queries and console pages; the warm-up rotates
                        through them first)
              benchmark [--profile=smoke|quick|full] [--db-url=jdbc:postgresql://host/db --db-user= --db-password=]
                        [--ledger-jar=ledger-app/target/ledger-app-0.1.0-SNAPSHOT.jar] [--out=docs]
                        [--concurrency=4,16,64] [--growth=0,1000000,10000000] [--ingest-seconds=30] [--seed=42]
                        [--query-repetitions=500] [--query-warmup-seconds=120]
                        [--ledger-args="--spring.property=value ..."]  (extra arguments for the tuned ledger)
                        [--ledger-jvm-args="-Xmx512m ..."]  (JVM options for every ledger process)
                        [--channels=true|false] [--only=channels] [--channel-rate=N|max] [--channel-connections=2]
                        [--batch-size=100] [--channel-partitions=2]  (the channel phase: HTTP, HTTP batch and Kafka
                        at the same offered load, a Kafka broker in this process; on in quick and full)
              faults    [--profile=ci|long] [--scenarios=kill-under-load,owner-killed-two-nodes,same-message-both-nodes,
                        kafka-intake-killed] [--kafka-documents=300 --kafka-kills=2]  (kafka-intake-killed: by hand)
                        [--connections=8] [--kills=3] [--owner-kills=2] [--kill-after-min=5 --kill-after-max=20]
                        [--same-message-documents=20] [--seed=42] [--db-url=... --db-user= --db-password=]
                        [--ledger-jar=...] [--ledger-args=...] [--ledger-jvm-args=...] [--out=docs] [--work-dir=...]
                        (kills the ledger under load and checks every view against the event store; exit 1 on a finding)
            """;

    /** Days over which the documents of a run without {@code --day} start, ending yesterday. */
    private static final int DEFAULT_SPREAD_DAYS = 30;

    private ConnectorSimulator() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "simulate";
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                flags.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            } else {
                mode = arg;
            }
        }
        switch (mode) {
            case "simulate" -> System.exit(simulate(flags, false) ? 0 : 1);
            case "demo" -> System.exit(simulate(flags, true) ? 0 : 1);
            case "queries" -> {
                QueryProbe.measure(new LedgerClient(flags.getOrDefault("ledger", "http://localhost:8080")),
                        flags.getOrDefault("console-user", ConsoleClient.AUDITOR),
                        flags.getOrDefault("console-password", ConsoleClient.AUDITOR_PASSWORD),
                        Integer.parseInt(flags.getOrDefault("repetitions", "500")),
                        Double.parseDouble(flags.getOrDefault("warmup-seconds", "0")), System.out);
                System.exit(0);
            }
            case "benchmark" -> {
                new Benchmark(flags, System.out).run();
                System.exit(0);
            }
            case "faults" -> {
                FaultSuite suite = new FaultSuite(flags, System.out);
                suite.run();
                System.exit(suite.passed() ? 0 : 1);
            }
            default -> {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    /** Plays the scenario; true when every answer was the one the script expects. */
    public static boolean simulate(Map<String, String> flags, boolean demo) {
        if (flags.containsKey("help")) {
            System.out.print(USAGE);
            return true;
        }
        long seed = Long.parseLong(flags.getOrDefault("seed", "42"));
        long scale = Long.parseLong(flags.getOrDefault("scale", demo ? "600" : "1000"));
        int concurrency = Integer.parseInt(flags.getOrDefault("concurrency", demo ? "8" : "16"));
        // Without a day the documents start over the last 30 days, so the older ones have run their course and the
        // recent ones are in flight, as in a working ledger; with one, they all start on it. Either way a step whose
        // business time is still ahead has not happened and is not sent.
        LocalDate day = flags.containsKey("day") ? LocalDate.parse(flags.get("day"))
                : LocalDate.now(ZoneOffset.UTC).minusDays(DEFAULT_SPREAD_DAYS + 1);
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        String runId = flags.getOrDefault("run-id", (demo ? "D" : "R") + seed);
        WorkloadSettings settings = WorkloadSettings.defaults(runId, start)
                .withRetryShare(Double.parseDouble(flags.getOrDefault("retry-share", "0.05")))
                .withQuarterEnd(flags.containsKey("quarter-end"))
                .spreadUntil(flags.containsKey("day") ? 0 : DEFAULT_SPREAD_DAYS, Instant.now());
        Workload workload = Workload.referenceScenario(seed, settings);
        LedgerClient client = new LedgerClient(flags.getOrDefault("ledger", "http://localhost:8080"));
        ChannelKind kind = ChannelKind.of(flags.getOrDefault("channel", "http"));
        int batchSize = Integer.parseInt(flags.getOrDefault("batch-size", Integer.toString(HttpBatchChannel.MAX_BATCH)));
        DoubleUnaryOperator rate = null;
        if (flags.containsKey("rate")) {
            double base = Double.parseDouble(flags.get("rate"));
            double surge = Double.parseDouble(flags.getOrDefault("surge", settings.quarterEnd() ? "4" : "1"));
            double length = Double.parseDouble(flags.getOrDefault("surge-after-seconds", "60"));
            // The quarter-end profile: the base rate, then the close multiplies it.
            rate = t -> t < length ? base : base * surge;
        }
        System.out.printf("playing %d documents of run %s (seed %d) against %s with %d connections over %s%n", scale,
                runId, seed, client.base(), concurrency, kind.flag());
        TrafficRun.Result result;
        try (Channel channel = switch (kind) {
            case HTTP -> new HttpChannel(client);
            case HTTP_BATCH -> new HttpBatchChannel(client, batchSize);
            case KAFKA -> new KafkaChannel(flags.getOrDefault("kafka", "localhost:9092"), batchSize,
                    KafkaChannel.DEVELOPMENT_TOPICS, Duration.ofMinutes(1), published -> {
            });
        }) {
            result = new TrafficRun(channel, workload).play(0, scale, concurrency, 1e9, rate);
        }
        System.out.printf("%d messages in %.1f s: %.0f accepted/s, p50 %.1f ms, p99 %.1f ms; statuses %s; "
                        + "%d retries answered replayed; %d unexpected answers%n", result.messages(), result.seconds(),
                result.acceptedPerSecond(), result.p(50), result.p(99), result.byStatus(), result.replayed(),
                result.unexpected());
        result.unexpectedSamples().forEach(s -> System.out.println("  unexpected: " + s));
        if (demo) {
            System.out.println("Now look: " + client.base() + "/console (sign in as viewer, README), "
                    + client.base() + "/api/v1/reconciliation/counts, "
                    + client.base() + "/api/v1/purchase-orders?size=20, " + client.base() + "/api/v1/trace/PO-" + runId
                    + "-0 (X-Api-Key: dev-reporting-key)");
        }
        return result.unexpected() == 0;
    }
}
