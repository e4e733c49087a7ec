package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.connector.InProcessKafka;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.connector.TrafficRun;
import org.integrationledger.simulator.workload.ReferenceScenario;
import org.integrationledger.simulator.workload.Workload;
import org.integrationledger.simulator.workload.WorkloadSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * One benchmark run: a PostgreSQL server, the ledger jar as child processes on fresh databases of it, the same
 * seeded workload for every configuration, and the baselines measured in between on the same machine.
 */
public final class Benchmark {

    /**
     * Every streaming processor of the ledger: the Axon-defaults ledger switches them all to a tracking processor
     * of batch size 1, so none of them keeps the tuned settings in the baseline.
     */
    private static final List<String> PROCESSORS = List.of("purchase-order-view", "supplier-view",
            "reconciliation-view", "trace-view", "invoice-view", "sla-clocks", "invoice-rematch");
    private static final Instant DAY = Instant.parse("2026-09-30T08:00:00Z"); // a quarter-end close
    /** Rebuildable projections, as the audit rebuild API names them. */
    private static final List<String> REBUILDABLE = List.of("purchase-order-view", "supplier-view",
            "reconciliation-view", "trace-view", "invoice-view");
    private final BenchmarkProfile profile;
    private final Map<String, String> flags;
    private final PrintStream out;
    private final Results results = new Results();
    private final long seed;
    private Path workDirectory;

    public Benchmark(Map<String, String> flags, PrintStream out) {
        this.flags = flags;
        this.profile = BenchmarkProfile.of(flags.getOrDefault("profile", "quick"), flags);
        this.out = out;
        this.seed = Long.parseLong(flags.getOrDefault("seed", "42"));
    }

    /** Runs every phase of the profile, prints the table, writes the report; returns the report's path. */
    public Path run() throws Exception {
        workDirectory = flags.containsKey("work-dir") ? Files.createDirectories(Path.of(flags.get("work-dir")))
                : Files.createTempDirectory("ledger-benchmark");
        Path jar = ledgerJar();
        Path docs = Path.of(flags.getOrDefault("out", "docs"));
        log("profile " + profile + "; work directory " + workDirectory + "; ledger jar " + jar);
        Environment.describe(results.environment, profile, flags);
        results.environment.put("ledger jar", jar.toString());
        try (Database database = flags.containsKey("db-url")
                ? Database.external(flags.get("db-url"), flags.getOrDefault("db-user", "postgres"),
                flags.getOrDefault("db-password", ""))
                : Database.embedded(workDirectory.resolve("postgres"), flags.containsKey("keep"))) {
            results.environment.put("PostgreSQL", database.version() + (flags.containsKey("db-url")
                    ? " (external, " + flags.get("db-url") + ")" : " (embedded, zonky binaries; synchronous_commit="
                    + database.scalar(database.urlOf("postgres"), "SHOW synchronous_commit") + ", fsync="
                    + database.scalar(database.urlOf("postgres"), "SHOW fsync") + ")"));
            boolean channelsOnly = "channels".equals(flags.get("only"));
            double maxRate = channelsOnly ? Double.NaN : tuned(database, jar);
            if (profile.split() && !channelsOnly) {
                split(database, jar, maxRate);
            }
            if (profile.axonDefaults() && !channelsOnly) {
                axonDefaults(database, jar);
            }
            if (profile.channels() || channelsOnly) {
                channels(database, jar, maxRate);
            }
        }
        Path report = new Report(results, profile).write(docs, commandLine());
        log("report written to " + report);
        if (!flags.containsKey("keep")) {
            deleteQuietly(workDirectory.resolve("postgres"));
        }
        return report;
    }

    /** Answers that differed from the scripted expectation in any measured traffic so far (0 on a healthy ledger). */
    public long unexpectedAnswers() {
        return results.ingest.stream().mapToLong(i -> i.traffic().unexpected()).sum()
                + results.channels.stream().mapToLong(c -> c.traffic().unexpected()).sum()
                + results.lag.stream().filter(l -> l.background() != null).mapToLong(l -> l.background().unexpected()).sum();
    }

    /** Messages acknowledged with 200 in the measured ingest phases. */
    public long acceptedMessages() {
        return results.ingest.stream().mapToLong(i -> i.traffic().accepted()).sum();
    }

    private double tuned(Database database, Path jar) throws Exception {
        String url = database.freshDatabase("ledger_tuned");
        Path recording = workDirectory.resolve("tuned.jfr");
        double bestRate;
        if (!jvmOptions().isEmpty()) {
            results.environment.put("ledger JVM options (every ledger process)", String.join(" ", jvmOptions()));
        }
        List<String> extra = words("ledger-args");
        if (!extra.isEmpty()) {
            results.environment.put("tuned ledger extra arguments", String.join(" ", extra));
        }
        List<String> arguments = new ArrayList<>(extra);
        // The growth preload appends through the ledger's bulk loader, which exists only when enabled.
        arguments.add("--ledger.benchmark.bulk-load.enabled=true");
        Preload preload = new Preload(flags.getOrDefault("preload", "bulk"), seed, profile.preloadConcurrency(),
                this::workload, results.preloads, this::log);
        results.environment.put("growth preload", preload.describe());
        try (LedgerProcess ledger = LedgerProcess.start("tuned", jar, url, database, workDirectory, jvmOptions(), arguments)) {
            Workload workload = workload("T");
            TrafficRun traffic = new TrafficRun(ledger.client(), workload);
            long[] next = {0};
            int top = profile.concurrency().stream().max(Integer::compare).orElseThrow();
            if (profile.jfr()) {
                instrumentForRecording(ledger);
            }
            warmUp(ledger, traffic, next, top);
            // Recorded from after the warm-up, so start-up class loading and early JIT work stay out of the profile.
            boolean recording0 = profile.jfr() && ledger.jcmd("JFR.start", "name=bench", "settings=profile");
            int bestConcurrency = top;
            bestRate = 0;
            for (long level : profile.growth()) {
                long stored = storedEvents(database, url);
                if (level > stored) {
                    preload.fill(database, url, ledger, level);
                    stored = storedEvents(database, url);
                }
                List<Integer> levels = level == profile.growth().get(0) ? profile.concurrency() : List.of(bestConcurrency);
                for (int concurrency : levels) {
                    Results.Ingest row = ingest("tuned", ledger, traffic, next, concurrency, stored,
                            () -> commits(database, url));
                    if (level == profile.growth().get(0) && row.traffic().acceptedPerSecond() > bestRate) {
                        bestRate = row.traffic().acceptedPerSecond();
                        bestConcurrency = concurrency;
                    }
                    stored = storedEvents(database, url);
                }
            }
            raw(database, url, ledger);
            awaitProjections(ledger.client());
            results.lag.add(lagPhase().warmed("tuned, one process", "one-process warm-up (not recorded)", ledger,
                    ledger, traffic, next, bestRate / 2, top));
            queries(database, url, ledger);
            replay(ledger, database, url);
            if (recording0 && !ledger.jcmd("JFR.stop", "name=bench", "filename=" + recording)) {
                results.notes.add("jcmd JFR.stop failed; no profile");
            }
        }
        if (profile.jfr() && Files.exists(recording)) {
            results.hotSpots = HotSpots.summarise(recording);
            results.environment.put("JFR recording", recording.toString());
        }
        return bestRate;
    }

    /**
     * A JVM's first JFR recording redefines a class, and the ledger then ran mostly interpreted for two minutes (79 %
     * of the samples' top frames in the first minute, String.coder among them) and took up to 63 % fewer messages; a
     * second recording in the same JVM cost nothing measurable (docs/benchmarks.md, "A JVM's first JFR recording").
     * A recording started and stopped before the warm-up pays that there, not in a measured phase.
     */
    private void instrumentForRecording(LedgerProcess ledger) {
        if (!ledger.jcmd("JFR.start", "name=instrument", "settings=profile")
                || !ledger.jcmd("JFR.stop", "name=instrument")) {
            results.notes.add("jcmd JFR.start/stop before the warm-up failed;"
                    + " the first measured phase may pay for JFR's start");
        }
    }

    private void split(Database database, Path jar, double maxRate) throws Exception {
        String url = database.urlOf("ledger_tuned");
        try (LedgerProcess commands = LedgerProcess.start("command-process", jar, url, database, workDirectory, jvmOptions(),
                List.of("--ledger.query-side.enabled=false"));
             LedgerProcess queries = LedgerProcess.start("query-process", jar, url, database, workDirectory, jvmOptions(),
                     List.of("--ledger.command-side.enabled=false"))) {
            TrafficRun traffic = new TrafficRun(commands.client(), workload("S"));
            long[] next = {0};
            int top = profile.concurrency().stream().max(Integer::compare).orElseThrow();
            warmUp(commands, traffic, next, top);
            awaitProjections(commands.client(), queries.client());
            results.lag.add(lagPhase().warmed("tuned, split processes", "split warm-up (not recorded)", commands,
                    queries, traffic, next, maxRate / 2, top));
        }
    }

    private void axonDefaults(Database database, Path jar) throws Exception {
        String url = database.freshDatabase("ledger_axon_defaults");
        List<String> overrides = new ArrayList<>();
        for (String processor : PROCESSORS) {
            String prefix = "--axon.eventhandling.processors." + processor + ".";
            overrides.add(prefix + "mode=tracking");
            overrides.add(prefix + "batch-size=1");
            overrides.add(prefix + "thread-count=1");
            overrides.add(prefix + "initial-segment-count=1");
        }
        // Axon's repositories cache no aggregates unless told to.
        overrides.add("--ledger.command.aggregate-cache-size=0");
        results.environment.put("Axon defaults overrides", String.join(" ", overrides));
        List<String> arguments = new ArrayList<>(overrides);
        // Only for GET /api/v1/benchmark/projections, so the phases wait for every processor here too.
        arguments.add("--ledger.benchmark.bulk-load.enabled=true");
        try (LedgerProcess ledger = LedgerProcess.start("axon-defaults", jar, url, database, workDirectory, jvmOptions(),
                arguments)) {
            TrafficRun traffic = new TrafficRun(ledger.client(), workload("D"));
            long[] next = {0};
            int top = profile.concurrency().stream().max(Integer::compare).orElseThrow();
            warmUp(ledger, traffic, next, top);
            double best = 0;
            for (int concurrency : profile.concurrency()) {
                Results.Ingest row = ingest("Axon defaults", ledger, traffic, next, concurrency,
                        storedEvents(database, url), () -> commits(database, url));
                best = Math.max(best, row.traffic().acceptedPerSecond());
            }
            results.lag.add(lagPhase().warmed("Axon defaults, one process", "Axon defaults warm-up (not recorded)",
                    ledger, ledger, traffic, next, best / 2, top));
        }
    }

    /**
     * The channel phase: a tuned ledger on a fresh database with the Kafka channel on a broker in this process, and
     * each channel at the same offered load ({@code --channel-rate}, by default the tuned ledger's best HTTP rate of
     * this run; {@code --channel-rate=max}: each as fast as it is answered). A channels-only run
     * ({@code --only=channels}) measures the raw PostgreSQL ceiling here, and without a tuned rate offers what its
     * HTTP warm-up reached.
     */
    private void channels(Database database, Path jar, double tunedRate) throws Exception {
        String url = database.freshDatabase("ledger_channels");
        int partitions = (int) doubleFlag("channel-partitions", 2);
        try (InProcessKafka broker = InProcessKafka.start(partitions)) {
            List<String> arguments = new ArrayList<>(words("ledger-args"));
            arguments.add("--ledger.benchmark.bulk-load.enabled=true");
            arguments.add("--ledger.kafka.bootstrap-servers=" + broker.bootstrapServers());
            results.environment.put("channel phase", "Kafka broker in the harness's process (spring-kafka-test "
                    + "EmbeddedKafkaKraftBroker, KRaft, one node, " + partitions + " partitions per topic); ledger "
                    + "on a fresh database with ledger.kafka.bootstrap-servers set");
            try (LedgerProcess ledger = LedgerProcess.start("channels", jar, url, database, workDirectory, jvmOptions(),
                    arguments)) {
                int top = profile.concurrency().stream().max(Integer::compare).orElseThrow();
                log("channels: HTTP warm-up " + profile.warmupSeconds() + " s at concurrency " + top);
                TrafficRun.Result warm = new TrafficRun(ledger.client(), workload("CW"))
                        .play(0, Long.MAX_VALUE, top, profile.warmupSeconds(), null);
                report(warm);
                if (results.raw.isEmpty()) {
                    raw(database, url, ledger);
                }
                String rateFlag = flags.getOrDefault("channel-rate", "");
                Double rate;
                if (rateFlag.equals("max")) {
                    rate = null;
                    results.channelRateSource = "none: each channel as fast as it is answered (closed loop)";
                } else if (!rateFlag.isEmpty()) {
                    rate = Double.valueOf(rateFlag);
                    results.channelRateSource = "--channel-rate=" + rateFlag;
                } else if (!Double.isNaN(tunedRate)) {
                    rate = tunedRate;
                    results.channelRateSource = "the tuned ledger's best HTTP rate in this run";
                } else {
                    rate = warm.acceptedPerSecond();
                    results.channelRateSource = "what the channel ledger's HTTP warm-up reached";
                }
                int batchSize = (int) doubleFlag("batch-size", 100);
                int connections = (int) doubleFlag("channel-connections", 2);
                ChannelPhase phase = new ChannelPhase(workDirectory, DAY, profile.warmupSeconds(),
                        profile.ingestSeconds(), batchSize, connections, l -> awaitProjections(l.client()), this::log);
                results.channels.addAll(phase.run(ledger, broker.bootstrapServers(), this::workload, rate,
                        top, () -> commits(database, url)));
            }
        }
    }

    private double doubleFlag(String flag, double fallback) {
        return flags.containsKey(flag) ? Double.parseDouble(flags.get(flag)) : fallback;
    }

    private LagPhase lagPhase() {
        Double rate = flags.containsKey("lag-rate") ? Double.valueOf(flags.get("lag-rate")) : null;
        return new LagPhase(profile.lagSeconds(), rate, workDirectory, DAY,
                (commands, queries) -> awaitProjections(commands.client(), queries.client()), this::log);
    }

    private void warmUp(LedgerProcess ledger, TrafficRun traffic, long[] next, int concurrency) {
        log(ledger.name() + ": warm-up " + profile.warmupSeconds() + " s at concurrency " + concurrency);
        TrafficRun.Result result = traffic.play(next[0], Long.MAX_VALUE, concurrency, profile.warmupSeconds(), null);
        next[0] += result.documents() + concurrency;
        report(result);
    }

    private Results.Ingest ingest(String configuration, LedgerProcess ledger, TrafficRun traffic, long[] next,
                                  int concurrency, long stored, LongSupplier commits) {
        log(configuration + ": ingest at concurrency " + concurrency + " with " + stored + " events stored, load "
                + PhaseMeter.loadAverage());
        // Each phase starts with every processor caught up, so no phase pays for the one before it.
        awaitProjections(ledger.client());
        // The meter runs on through the catch-up after the traffic stops: a configuration whose projections fall
        // behind acknowledges faster and pays afterwards, and the CPU per message must include what it deferred.
        try (PhaseMeter meter = new PhaseMeter(List.of(ledger), commits)) {
            TrafficRun.Result result = traffic.play(next[0], Long.MAX_VALUE, concurrency, profile.ingestSeconds(), null);
            next[0] += result.documents() + concurrency;
            long caughtUpFrom = System.nanoTime();
            awaitProjections(ledger.client());
            double catchUp = (System.nanoTime() - caughtUpFrom) / 1e9;
            Results.Ingest row = new Results.Ingest(configuration, stored, concurrency, result, catchUp, meter.finish());
            results.ingest.add(row);
            report(result);
            log(String.format("  every processor caught up %.1f s after the traffic stopped: %.0f accepted/s including"
                    + " the catch-up", catchUp, row.sustainedPerSecond()));
            return row;
        }
    }

    /**
     * JVM options for every ledger process ({@code --ledger-jvm-args="-Xmx512m"}): the heap target is a question of
     * what the ledger needs, and with the default maximum heap (a quarter of RAM) the collector keeps far more.
     */
    private List<String> jvmOptions() {
        return words("ledger-jvm-args");
    }

    /** A flag holding several space-separated words, or none. */
    private List<String> words(String flag) {
        return flags.containsKey(flag) ? List.of(flags.get(flag).trim().split("\\s+")) : List.of();
    }

    /** Transactions committed in the ledger's database so far (PostgreSQL's statistics), or -1. */
    private static long commits(Database database, String url) {
        try {
            return Long.parseLong(database.scalar(url,
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    private void raw(Database database, String url, LedgerProcess ledger) throws Exception {
        String[] sizes = database.scalar(url, "SELECT round(avg(octet_length(payload))) || ' ' || "
                + "round(avg(octet_length(meta_data))) FROM domain_event_entry").split(" ");
        int payload = Integer.parseInt(sizes[0]);
        int metadata = Integer.parseInt(sizes[1]);
        RawPostgresBaseline baseline = new RawPostgresBaseline(database, url);
        for (int concurrency : profile.concurrency()) {
            log("raw PostgreSQL baseline at concurrency " + concurrency);
            try (PhaseMeter meter = new PhaseMeter(List.of(ledger))) {
                RawPostgresBaseline.Result result = baseline.run(concurrency, profile.ingestSeconds(), payload, metadata);
                results.raw.add(new Results.Raw(concurrency, result, payload, metadata, meter.finish()));
                log(String.format("  %.0f commits/s", result.perSecond()));
            }
        }
        String refused = baseline.settle();
        if (refused != null) {
            results.notes.add("CHECKPOINT after the raw baseline was refused (" + refused + "); its pages were written"
                    + " during the next phases");
        }
    }

    private void queries(Database database, String url, LedgerProcess ledger) throws SQLException {
        awaitProjections(ledger.client());
        // Caught-up processors do not mean an idle machine: the two cores can stay busy for 10-15 s after every
        // processor has caught up (the SLA clocks' work package and the JIT compiler the busiest ledger threads).
        // The queries are timed on a settled machine; the report gives its busy share meanwhile.
        results.querySettleSeconds = PhaseMeter.awaitQuiet(0.25, Duration.ofSeconds(5),
                Duration.ofMillis((long) (profile.settleSeconds() * 1000)));
        if (results.querySettleSeconds < 0) {
            results.notes.add("the machine was still more than 25 % busy " + profile.settleSeconds()
                    + " s after the projections had caught up; the queries ran anyway");
        }
        results.queryDocuments = Long.parseLong(database.scalar(url, "SELECT count(*) FROM purchase_order_view"))
                + Long.parseLong(database.scalar(url, "SELECT count(*) FROM supplier_view"));
        results.queryEvents = storedEvents(database, url);
        List<String> ids = new ArrayList<>();
        // A 10 % sample of the table's pages keeps the read short at a million orders; a small table has few pages,
        // and a sample of them can be empty, so the first 2,000 rows stand in then.
        for (String sample : List.of("SELECT purchase_order_id FROM purchase_order_view TABLESAMPLE SYSTEM (10) LIMIT 2000",
                "SELECT purchase_order_id FROM purchase_order_view LIMIT 2000")) {
            if (!ids.isEmpty()) {
                break;
            }
            try (var connection = database.connect(url); var statement = connection.createStatement();
                 var rows = statement.executeQuery(sample)) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            } catch (SQLException e) {
                results.notes.add("could not sample purchase order ids: " + e.getMessage());
            }
        }
        if (ids.isEmpty()) {
            ids.add("PO-none");
        }
        log("queries on " + results.queryDocuments + " documents (" + results.queryEvents + " events)");
        try (PhaseMeter meter = new PhaseMeter(List.of(ledger))) {
            QueryProbe probe = new QueryProbe(ledger.client());
            if (probe.consoleRefusal() != null) {
                results.notes.add("the console pages could not be timed: " + probe.consoleRefusal());
            }
            results.queries.addAll(probe.run(profile.queryRepetitions(),
                    profile.queryWarmupSeconds(), n -> ids.get((int) (n % ids.size())), ids.size()));
            results.queryUsage = meter.finish();
        }
        results.queries.forEach(q -> log(String.format("  %-45s p50 %.1f ms p99 %.1f ms", q.query(), q.p(50), q.p(99))));
    }

    private void replay(LedgerProcess ledger, Database database, String url) throws SQLException {
        awaitProjections(ledger.client());
        log("replay (rebuild) of the projections over " + storedEvents(database, url) + " events");
        try (PhaseMeter meter = new PhaseMeter(List.of(ledger))) {
            ReplayProbe probe = new ReplayProbe(ledger.client());
            ReplayProbe.Result together = probe.rebuildAll(REBUILDABLE);
            results.replays.add(together);
            log(String.format("  all projections in one pass %s: %d events in %.1f s = %.0f events/s", together.state(),
                    together.events(), together.seconds(), together.eventsPerSecond()));
            awaitProjections(ledger.client());
            for (String projection : REBUILDABLE) {
                ReplayProbe.Result result = probe.rebuild(projection);
                results.replays.add(result);
                log(String.format("  %s %s: %d events in %.1f s = %.0f events/s", projection, result.state(),
                        result.events(), result.seconds(), result.eventsPerSecond()));
            }
            results.replayUsage = meter.finish();
            log(String.format("  all projections one after another: %d events in %.1f s = %.0f events/s", ReplayProbe.totalEvents(results.replays),
                    ReplayProbe.totalSeconds(results.replays), ReplayProbe.totalEventsPerSecond(results.replays)));
        }
    }

    /**
     * Waits until the projections have caught up with what came before: a freshly issued order is visible, and,
     * where the ledger serves {@code GET /api/v1/benchmark/projections} (bulk loader enabled), every streaming
     * processor has handled every stored event. The order alone proves only the purchase-order view: the
     * reconciliation and SLA processors can still be working off the warm-up during the next ingest phase, which
     * would then measure their catch-up as well.
     */
    private void awaitProjections(LedgerClient commands, LedgerClient... readers) {
        LedgerClient reader = readers.length == 0 ? commands : readers[0];
        new LagProbe(commands, reader, "SYNC" + System.nanoTime() % 1000000, DAY).once();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            LedgerClient.Answer answer = reader.get("/api/v1/benchmark/projections", ReferenceScenario.REPORTING_KEY);
            if (answer.status() != 200 || "true".equals(ReplayProbe.field(answer.body(), "caughtUp"))) {
                return; // 404: the endpoint is off in this ledger, and the visible order is all there is to wait for
            }
            LedgerProcess.sleep(250);
        }
        results.notes.add("the projections had not caught up after 30 minutes; the next phase ran anyway");
    }

    private Workload workload(String configuration) {
        return Workload.referenceScenario(seed, WorkloadSettings.defaults(configuration + seed, DAY).withQuarterEnd(true));
    }

    static long storedEvents(Database database, String url) throws SQLException {
        String max = database.scalar(url, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        return Long.parseLong(max);
    }

    private Path ledgerJar() throws IOException {
        if (flags.containsKey("ledger-jar")) {
            return Path.of(flags.get("ledger-jar")).toAbsolutePath();
        }
        return LedgerProcess.builtJar();
    }

    private String commandLine() {
        StringBuilder line = new StringBuilder("java -jar connector-simulator/target/connector-simulator-0.1.0-SNAPSHOT.jar benchmark");
        flags.forEach((k, v) -> {
            if (!k.equals("out") && !k.equals("work-dir")) {
                line.append(" --").append(k).append('=').append(v);
            }
        });
        return line.toString();
    }

    private void report(TrafficRun.Result result) {
        log(String.format("  %d messages, %.0f accepted/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, statuses %s%s",
                result.messages(), result.acceptedPerSecond(), result.p(50), result.p(95), result.p(99),
                result.byStatus(), result.unexpected() == 0 ? "" : ", unexpected " + result.unexpected() + " e.g. "
                        + result.unexpectedSamples().get(0)));
    }

    private void log(String line) {
        out.println("[" + Instant.now().toString().substring(11, 19) + "] " + line);
        out.flush();
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
