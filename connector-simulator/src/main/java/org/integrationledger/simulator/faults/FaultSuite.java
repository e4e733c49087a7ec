package org.integrationledger.simulator.faults;

import org.integrationledger.simulator.benchmark.Database;
import org.integrationledger.simulator.benchmark.LedgerProcess;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.Message;
import org.integrationledger.simulator.workload.Workload;
import org.integrationledger.simulator.workload.WorkloadSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fault suite: runs the ledger jar as child processes on a real PostgreSQL (an embedded one of its own unless
 * {@code --db-url} names one), drives valid connector traffic over HTTP, kills processes with SIGKILL, and ends every
 * scenario with the view-vs-store check ({@link ViewCheck}). Prints the figures and writes them between the markers
 * of {@code reliability.md} in {@code --out} (default {@code docs}).
 *
 * <pre>java -cp connector-simulator/target/connector-simulator-0.1.0-SNAPSHOT.jar \
 *   -Dloader.main=org.integrationledger.simulator.faults.FaultSuite org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --profile=ci</pre>
 * or {@code java -jar connector-simulator/target/connector-simulator-0.1.0-SNAPSHOT.jar faults --profile=ci}.
 */
public final class FaultSuite {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(120);
    /** A shared 2-core machine has taken over 4 minutes to start one ledger while the other served traffic. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    /**
     * The suite measures correctness, not speed: the client compiler alone and the serial collector start a ledger in
     * less CPU, which matters when it restarts a dozen times beside a loaded node. {@code --ledger-jvm-args} replaces it.
     */
    private static final String DEFAULT_LEDGER_JVM_ARGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    private static final Instant DAY = LocalDate.of(2026, 11, 23).atTime(8, 0).toInstant(ZoneOffset.UTC);

    private final Map<String, String> flags;
    private final PrintStream out;
    private final FaultProfile profile;
    private final SplittableRandom random;
    private final List<ScenarioResult> results = new ArrayList<>();
    private Path workDirectory;
    private Path jar;
    private Database database;

    public FaultSuite(Map<String, String> flags, PrintStream out) {
        this.flags = flags;
        this.out = out;
        this.profile = FaultProfile.of(flags);
        this.random = new SplittableRandom(profile.seed());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                flags.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            }
        }
        FaultSuite suite = new FaultSuite(flags, System.out);
        suite.run();
        System.exit(suite.passed() ? 0 : 1);
    }

    /** Runs the profile's scenarios; answers the report it wrote. */
    public Path run() throws Exception {
        long t0 = System.nanoTime();
        workDirectory = Files.createDirectories(Path.of(flags.getOrDefault("work-dir",
                Files.createTempDirectory("ledger-faults").toString())));
        jar = flags.containsKey("ledger-jar") ? Path.of(flags.get("ledger-jar")).toAbsolutePath() : LedgerProcess.builtJar();
        log("fault suite, profile " + profile + "; work directory " + workDirectory + "; ledger " + jar);
        boolean keep = flags.containsKey("keep");
        database = flags.containsKey("db-url")
                ? Database.external(flags.get("db-url"), flags.getOrDefault("db-user", "postgres"),
                flags.getOrDefault("db-password", ""))
                : Database.embedded(workDirectory.resolve("postgres"), keep);
        try {
            TwoNodes pair = null;
            try {
                for (Scenario scenario : Scenario.values()) {
                    if (!profile.scenarios().contains(scenario)) {
                        continue;
                    }
                    ScenarioResult result = switch (scenario) {
                        case KILL_UNDER_LOAD -> killUnderLoad();
                        case OWNER_KILLED_TWO_NODES -> {
                            pair = new TwoNodes("fault_two_nodes");
                            yield ownerKilled(pair);
                        }
                        case SAME_MESSAGE_BOTH_NODES -> {
                            if (pair == null) {
                                pair = new TwoNodes("fault_same_message");
                            }
                            yield sameMessageBothNodes(pair);
                        }
                        case DATABASE_STOPPED, POISON_EVENT_PARKED -> ScenarioResult.notImplemented(scenario);
                    };
                    results.add(result);
                    log(scenario.title() + ": " + (!result.ran() ? "not implemented yet"
                            : result.passed() ? "PASSED " + result : "FAILED " + result));
                }
            } finally {
                if (pair != null) {
                    pair.close();
                }
            }
        } finally {
            database.close();
        }
        FaultReport report = new FaultReport(results, profile, commandLine(), (System.nanoTime() - t0) / 1e9);
        out.println(report.markdown());
        Path written = report.write(Path.of(flags.getOrDefault("out", "docs")));
        log("figures written to " + written);
        return written;
    }

    public boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    List<ScenarioResult> results() {
        return List.copyOf(results);
    }

    /** Scenario (a): one node, traffic, SIGKILL at a random moment, restart on the same database, K times. */
    private ScenarioResult killUnderLoad() throws Exception {
        long t0 = System.nanoTime();
        String url = database.freshDatabase("fault_kill");
        ViewCheck check = new ViewCheck(database, url);
        List<String> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        LedgerProcess ledger = start("single-0", url, List.of());
        List<List<LedgerClient>> live = new ArrayList<>(List.of(List.of(ledger.client())));
        Load load = new Load(workload("K"), () -> live.get(0), profile.connections(), 0);
        load.start();
        int kills = 0;
        int windows = 0;
        try {
            for (int i = 1; i <= profile.singleNodeKills(); i++) {
                double after = trafficBeforeKill(load, check);
                String positions = positions(check, url);
                live.set(0, List.of());
                ledger.kill();
                kills++;
                log(String.format("kill %d of %d: SIGKILL %.1f s after the traffic (re)started%s; %s; %d acknowledged so far",
                        i, profile.singleNodeKills(), after, profile.burst() ? " (a burst)" : "", positions,
                        load.acknowledged()));
                logTokens(check);
                windows += windowAtKill(check);
                ledger = start("single-" + i, url, List.of());
                live.set(0, List.of(ledger.client()));
                iterationCheck("kill " + i, load, check, findings, seen);
            }
            Load.sleep((long) (profile.killAfterMinSeconds() * 1000));
            load.stop();
            LedgerClient last = ledger.client();
            return finish(Scenario.KILL_UNDER_LOAD, t0, load, kills, check,
                    () -> ViewCheck.checksumsAgainstRebuild(last, REBUILD_TIMEOUT), findings, seen,
                    windows + " of " + kills + " kills left a redelivery window in the stored tokens");
        } finally {
            load.stop();
            ledger.close();
        }
    }

    /** Scenario (b): two nodes on one database, load on both, the node that owns segments killed, K times. */
    private ScenarioResult ownerKilled(TwoNodes pair) throws Exception {
        long t0 = System.nanoTime();
        ViewCheck check = new ViewCheck(database, pair.url);
        List<String> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Load load = new Load(workload("N"), pair::clients, profile.connections(), 0);
        load.start();
        int kills = 0;
        int windows = 0;
        List<String> takeovers = new ArrayList<>();
        try {
            for (int i = 1; i <= profile.ownerKills(); i++) {
                double after = trafficBeforeKill(load, check);
                Map<String, Integer> owners = check.segmentOwners();
                int victim = pair.owner(owners);
                String positions = positions(check, pair.url);
                LedgerProcess killed = pair.kill(victim);
                kills++;
                log(String.format("owner kill %d of %d: SIGKILL %s (pid %d, owned %s) %.1f s after the traffic (re)started%s;"
                                + " %s; %d acknowledged so far", i, profile.ownerKills(), killed.name(), killed.pid(),
                        owners, after, profile.burst() ? " (a burst)" : "", positions, load.acknowledged()));
                logTokens(check);
                windows += windowAtKill(check);
                long takeoverStart = System.nanoTime();
                LedgerProcess survivor = pair.nodes[1 - victim];
                double takeover = -1;
                while (System.nanoTime() - takeoverStart < TAKEOVER_TIMEOUT.toNanos()) {
                    Map<String, Integer> now = check.segmentOwners();
                    int segments = Integer.parseInt(database.scalar(pair.url, "SELECT count(*) FROM token_entry"));
                    if (!now.isEmpty() && now.keySet().stream().allMatch(o -> o.startsWith(survivor.pid() + "@"))
                            && now.values().stream().mapToInt(Integer::intValue).sum() >= segments) {
                        takeover = (System.nanoTime() - takeoverStart) / 1e9;
                        break;
                    }
                    Load.sleep(250);
                }
                takeovers.add(takeover < 0 ? "none in " + TAKEOVER_TIMEOUT.toSeconds() + " s" : String.format("%.1f s", takeover));
                log("  survivor " + survivor.name() + " took every segment: " + takeovers.get(takeovers.size() - 1));
                pair.restart(victim, Integer.toString(i));
                iterationCheck("owner kill " + i, load, check, findings, seen);
            }
            Load.sleep((long) (profile.killAfterMinSeconds() * 1000));
            load.stop();
            return finish(Scenario.OWNER_KILLED_TWO_NODES, t0, load, kills, check, () -> pair.checksumsAgainstRebuild(check), findings, seen,
                    windows + " of " + kills + " kills left a redelivery window in the stored tokens; takeover "
                            + String.join(", ", takeovers));
        } finally {
            load.stop();
        }
    }

    /**
     * Scenario (c): every message of fresh documents sent to both nodes at the same moment. Both must answer alike (one
     * of them as a replay), and the store must hold each message's events once.
     */
    private ScenarioResult sameMessageBothNodes(TwoNodes pair) throws Exception {
        long t0 = System.nanoTime();
        pair.ensureBoth();
        ViewCheck check = new ViewCheck(database, pair.url);
        Workload workload = workload("S");
        ExecutorService senders = Executors.newFixedThreadPool(2);
        long sent = 0;
        long acknowledged = 0;
        List<Load.Ack> acks = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        long differing = 0;
        Map<String, Long> expectedEvents = new HashMap<>();
        try {
            for (long n = 0; n < profile.sameMessageDocuments(); n++) {
                for (Message message : workload.document(n)) {
                    LedgerClient a = pair.nodes[0].client();
                    LedgerClient b = pair.nodes[1].client();
                    CompletableFuture<LedgerClient.Answer> first = CompletableFuture.supplyAsync(() -> a.send(message), senders);
                    CompletableFuture<LedgerClient.Answer> second = CompletableFuture.supplyAsync(() -> b.send(message), senders);
                    LedgerClient.Answer one = first.join();
                    LedgerClient.Answer two = second.join();
                    sent += 2;
                    String outcome = null;
                    for (LedgerClient.Answer answer : List.of(one, two)) {
                        if (answer.status() == 200) {
                            acknowledged++;
                            Load.Ack ack = Load.ack(message, answer.body());
                            acks.add(ack);
                            outcome = ack.documentId() + "@" + ack.ledgerVersion() + "+" + ack.recorded();
                        }
                    }
                    if (one.status() != two.status() || (one.status() == 200 && !withoutReplayed(one.body())
                            .equals(withoutReplayed(two.body())))) {
                        differing++;
                        findings.add("answers differ for " + message.step() + " " + message.documentId() + ": "
                                + one.status() + " " + abbreviate(one.body()) + " / " + two.status() + " "
                                + abbreviate(two.body()));
                    }
                    if (outcome != null) {
                        Load.Ack ack = acks.get(acks.size() - 1);
                        expectedEvents.merge(ack.documentId(), (long) ack.recorded(), Long::sum);
                    }
                }
            }
        } finally {
            senders.shutdownNow();
        }
        double caughtUp = check.awaitCaughtUp(CATCH_UP_TIMEOUT);
        Map<String, Long> stored = storedEvents(pair.url, expectedEvents.keySet());
        long recordedTwice = 0;
        for (Map.Entry<String, Long> document : expectedEvents.entrySet()) {
            long inStore = stored.getOrDefault(document.getKey(), 0L);
            if (inStore != document.getValue()) {
                recordedTwice += Math.max(0, inStore - document.getValue());
                findings.add("store " + document.getKey() + ": " + inStore + " events, the answers promised "
                        + document.getValue());
            }
        }
        List<String> lost = check.lostAcknowledgments(acks);
        findings.addAll(lost);
        List<ViewCheck.Mismatch> mismatches = check.mismatches();
        mismatches.forEach(m -> findings.add(m.toString()));
        List<ViewCheck.ChecksumMismatch> checksums = pair.checksumsAgainstRebuild(check);
        checksums.forEach(c -> findings.add("checksum " + c.projection() + ": live " + c.live() + ", rebuilt " + c.rebuilt()));
        String other = (differing + recordedTwice > 0 ? "FAILED: " : "") + differing + " answer pairs differing, "
                + recordedTwice + " events recorded twice";
        return new ScenarioResult(Scenario.SAME_MESSAGE_BOTH_NODES, sent, acknowledged, 0, lost.size(),
                appliedTwice(mismatches), documents(mismatches), checksums.stream().map(ViewCheck.ChecksumMismatch::projection).toList(),
                other, caughtUp >= 0, (System.nanoTime() - t0) / 1e9, findings);
    }

    /** 1 if the tokens the dead process left open a redelivery window for a counting view (logged), else 0. */
    private int windowAtKill(ViewCheck check) throws SQLException {
        String window = check.redeliveryWindow();
        log("  redelivery window in the stored tokens: " + (window == null ? "none" : window));
        return window == null ? 0 : 1;
    }

    /** The stored tokens of the projections with a counting view, as the restart will find them. */
    private void logTokens(ViewCheck check) throws SQLException {
        for (String token : check.tokens()) {
            if (token.startsWith("purchase-order-view/") || token.startsWith("invoice-view/")
                    || token.startsWith("reconciliation-view/")) {
                log("  token " + token);
            }
        }
    }

    /** Holds the traffic, waits for the projections, and names the documents that newly disagree with the store. */
    private void iterationCheck(String iteration, Load load, ViewCheck check, List<String> findings, Set<String> seen)
            throws SQLException {
        load.pause();
        try {
            double caughtUp = check.awaitCaughtUp(CATCH_UP_TIMEOUT);
            List<ViewCheck.Mismatch> now = check.mismatches();
            List<String> fresh = new ArrayList<>();
            for (ViewCheck.Mismatch mismatch : now) {
                if (seen.add(mismatch.view() + " " + mismatch.documentId())) {
                    fresh.add(mismatch + " (store: " + check.events(mismatch.documentId()) + ")");
                }
            }
            log(String.format("  after %s: projections %s; %d view rows disagree with the store%s", iteration,
                    caughtUp < 0 ? "NOT caught up in " + CATCH_UP_TIMEOUT.toSeconds() + " s"
                            : String.format("caught up in %.1f s", caughtUp), now.size(),
                    fresh.isEmpty() ? "" : ", new: " + fresh));
            fresh.forEach(f -> findings.add(iteration + ": " + f));
        } finally {
            load.resume();
        }
    }

    /** Compares each projection's live checksum with a rebuild's. */
    private interface Rebuild {
        List<ViewCheck.ChecksumMismatch> checksums() throws Exception;
    }

    private ScenarioResult finish(Scenario scenario, long t0, Load load, int kills, ViewCheck check, Rebuild rebuild,
                                  List<String> findings, Set<String> seen, String other) throws Exception {
        double caughtUp = check.awaitCaughtUp(CATCH_UP_TIMEOUT);
        List<ViewCheck.Mismatch> mismatches = check.mismatches();
        for (ViewCheck.Mismatch mismatch : mismatches) {
            if (seen.add(mismatch.view() + " " + mismatch.documentId())) {
                findings.add("end: " + mismatch + " (store: " + check.events(mismatch.documentId()) + ")");
            }
        }
        List<String> lost = check.lostAcknowledgments(load.acks());
        findings.addAll(lost);
        List<ViewCheck.ChecksumMismatch> checksums = rebuild.checksums();
        checksums.forEach(c -> findings.add("checksum " + c.projection() + ": live " + c.live() + ", rebuilt " + c.rebuilt()));
        log(String.format("  traffic: %d sent, %d acknowledged, statuses %s, %d unexpected%s, %d given up", load.sent(),
                load.acknowledged(), load.byStatus(), load.unexpected(),
                load.unexpectedSamples().isEmpty() ? "" : " e.g. " + load.unexpectedSamples().get(0), load.givenUp()));
        String traffic = load.unexpected() + " unexpected answers, " + load.givenUp() + " messages given up";
        return new ScenarioResult(scenario, load.sent(), load.acknowledged(), kills, lost.size(), appliedTwice(mismatches),
                documents(mismatches), checksums.stream().map(ViewCheck.ChecksumMismatch::projection).toList(),
                other.isEmpty() ? traffic : other + "; " + traffic, caughtUp >= 0, (System.nanoTime() - t0) / 1e9,
                findings);
    }

    private static long appliedTwice(List<ViewCheck.Mismatch> mismatches) {
        return mismatches.stream().filter(ViewCheck.Mismatch::appliedTwice)
                .mapToLong(m -> m.viewCount() - m.storeCount()).sum();
    }

    private static long documents(List<ViewCheck.Mismatch> mismatches) {
        return mismatches.stream().map(ViewCheck.Mismatch::documentId).distinct().count();
    }

    private Map<String, Long> storedEvents(String url, Set<String> documents) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (var connection = database.connect(url); var statement = connection.prepareStatement(
                "SELECT aggregate_identifier, count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?) GROUP BY 1")) {
            statement.setArray(1, connection.createArrayOf("varchar", documents.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Head of the store and each processor's segment positions, for the log line of a kill. */
    private String positions(ViewCheck check, String url) throws SQLException {
        return "head " + database.scalar(url, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
                + ", lowest token " + check.lowestTokenIndex();
    }

    /**
     * Lets the traffic run until the kill: a random time, or with {@code --burst} the traffic is held until the
     * projections have caught up and the kill falls a random time into the next burst, while the projections are at
     * the head of the store and many appends are in flight. With {@code --targeted} the kill falls on the first moment
     * after {@code kill-after-min} at which the stored tokens of a counting view leave a redelivery window open
     * ({@link ViewCheck#redeliveryWindow()}), or at {@code kill-after-max}.
     */
    private double trafficBeforeKill(Load load, ViewCheck check) throws SQLException {
        if (profile.burst()) {
            load.pause();
            try {
                check.awaitCaughtUp(CATCH_UP_TIMEOUT);
            } finally {
                load.resume();
            }
        }
        double after = killAfter();
        if (!profile.targeted()) {
            Load.sleep((long) (after * 1000));
            return after;
        }
        long t0 = System.nanoTime();
        while (true) {
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (elapsed >= profile.killAfterMaxSeconds()) {
                log("  no redelivery window opened in " + profile.killAfterMaxSeconds() + " s; killing anyway");
                return elapsed;
            }
            if (elapsed >= profile.killAfterMinSeconds()) {
                String window = check.redeliveryWindow();
                if (window != null) {
                    log("  redelivery window open: " + window);
                    return elapsed;
                }
            }
            Load.sleep(25);
        }
    }

    private double killAfter() {
        return profile.killAfterMinSeconds()
                + random.nextDouble() * (profile.killAfterMaxSeconds() - profile.killAfterMinSeconds());
    }

    private Workload workload(String prefix) {
        return Workload.referenceScenario(profile.seed(), WorkloadSettings.defaults(prefix + profile.seed()
                + "-" + Long.toString(System.currentTimeMillis() % 100_000, 36), DAY));
    }

    private LedgerProcess start(String name, String url, List<String> extra) throws IOException {
        List<String> arguments = new ArrayList<>(extra);
        if (flags.containsKey("ledger-args")) {
            arguments.addAll(Arrays.asList(flags.get("ledger-args").trim().split("\\s+")));
        }
        List<String> jvm = Arrays.asList(flags.getOrDefault("ledger-jvm-args", DEFAULT_LEDGER_JVM_ARGS).trim().split("\\s+"));
        long t0 = System.nanoTime();
        LedgerProcess process = LedgerProcess.start(name, jar, url, database, workDirectory, jvm, arguments,
                START_TIMEOUT);
        log(String.format("  started %s (pid %d) in %.1f s", name, process.pid(), (System.nanoTime() - t0) / 1e9));
        return process;
    }

    private String commandLine() {
        StringBuilder line = new StringBuilder("java -jar connector-simulator/target/connector-simulator-0.1.0-SNAPSHOT.jar faults");
        flags.forEach((k, v) -> {
            if (!k.equals("out") && !k.equals("work-dir")) {
                line.append(" --").append(k).append('=').append(v);
            }
        });
        return line.toString();
    }

    private void log(String line) {
        out.println("[" + Instant.now().toString().substring(11, 19) + "] " + line);
        out.flush();
    }

    private static String withoutReplayed(String body) {
        return body.replaceAll(",?\"replayed\":(true|false)", "");
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** Two full nodes on one fresh database, the aggregate cache off as several command processes require. */
    private final class TwoNodes implements AutoCloseable {
        private final String url;
        private final LedgerProcess[] nodes = new LedgerProcess[2];
        private volatile List<LedgerClient> clients;

        TwoNodes(String databaseName) throws Exception {
            url = database.freshDatabase(databaseName);
            nodes[0] = start("node-a-0", url, List.of("--ledger.command.aggregate-cache-size=0"));
            nodes[1] = start("node-b-0", url, List.of("--ledger.command.aggregate-cache-size=0"));
            clients = List.of(nodes[0].client(), nodes[1].client());
        }

        List<LedgerClient> clients() {
            return clients;
        }

        /** The node owning the most segments (0 if the owners name neither). */
        int owner(Map<String, Integer> owners) {
            int[] owned = new int[2];
            owners.forEach((owner, count) -> {
                for (int i = 0; i < 2; i++) {
                    if (owner.startsWith(nodes[i].pid() + "@")) {
                        owned[i] += count;
                    }
                }
            });
            return owned[1] > owned[0] ? 1 : 0;
        }

        LedgerProcess kill(int node) {
            clients = List.of(nodes[1 - node].client());
            nodes[node].kill();
            return nodes[node];
        }

        void restart(int node, String suffix) throws IOException {
            nodes[node] = start("node-" + (node == 0 ? "a" : "b") + "-" + suffix, url,
                    List.of("--ledger.command.aggregate-cache-size=0"));
            clients = List.of(nodes[0].client(), nodes[1].client());
        }

        /**
         * A rebuild claims every segment of the processors it switches, in its own process only: with segments owned by
         * the other node it fails (UnableToClaimTokenException). So node b stops (gracefully, releasing its claims),
         * node a claims every segment, and the rebuild runs there; {@link #ensureBoth()} starts node b again.
         */
        List<ViewCheck.ChecksumMismatch> checksumsAgainstRebuild(ViewCheck check) throws SQLException {
            if (nodes[1] != null) {
                nodes[1].close();
                nodes[1] = null;
                clients = List.of(nodes[0].client());
            }
            long deadline = System.nanoTime() + TAKEOVER_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Map<String, Integer> owners = check.segmentOwners();
                int segments = Integer.parseInt(database.scalar(url, "SELECT count(*) FROM token_entry"));
                if (owners.keySet().stream().allMatch(o -> o.startsWith(nodes[0].pid() + "@"))
                        && owners.values().stream().mapToInt(Integer::intValue).sum() >= segments) {
                    break;
                }
                Load.sleep(250);
            }
            check.awaitCaughtUp(CATCH_UP_TIMEOUT);
            return ViewCheck.checksumsAgainstRebuild(nodes[0].client(), REBUILD_TIMEOUT);
        }

        void ensureBoth() throws IOException {
            if (nodes[1] == null) {
                restart(1, "after-rebuild");
            }
        }

        @Override
        public void close() {
            for (LedgerProcess node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }
}
