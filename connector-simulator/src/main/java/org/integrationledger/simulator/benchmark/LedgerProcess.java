package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.ReferenceScenario;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built ledger jar as a child process, exactly as an operator runs it; stopped with SIGTERM (graceful), or
 * killed with SIGKILL by the fault suite.
 */
public final class LedgerProcess implements AutoCloseable {

    private final Process process;
    private final LedgerClient client;
    private final String name;
    private final Path log;

    private LedgerProcess(String name, Process process, LedgerClient client, Path log) {
        this.name = name;
        this.process = process;
        this.client = client;
        this.log = log;
    }

    public static LedgerProcess start(String name, Path jar, String dbUrl, Database database, Path workDirectory,
                                      List<String> jvmOptions, List<String> arguments) throws IOException {
        return start(name, jar, dbUrl, database, workDirectory, jvmOptions, arguments, Duration.ofMinutes(4));
    }

    /** As above, waiting up to {@code healthyWithin} for health UP; a process that is not healthy by then is killed. */
    public static LedgerProcess start(String name, Path jar, String dbUrl, Database database, Path workDirectory,
                                      List<String> jvmOptions, List<String> arguments, Duration healthyWithin)
            throws IOException {
        return start(name, jar, Map.of("LEDGER_DB_URL", dbUrl, "LEDGER_DB_USER", database.user(),
                "LEDGER_DB_PASSWORD", database.password()), workDirectory, jvmOptions, arguments, healthyWithin);
    }

    /**
     * The ledger on its embedded default, as the README's first command runs it: no database settings, so it starts
     * its own PostgreSQL, with its data under {@code workDirectory}.
     */
    public static LedgerProcess startEmbeddedDefault(String name, Path jar, Path workDirectory, List<String> jvmOptions,
                                                     List<String> arguments, Duration healthyWithin) throws IOException {
        return start(name, jar, Map.of(), workDirectory, jvmOptions, arguments, healthyWithin);
    }

    private static LedgerProcess start(String name, Path jar, Map<String, String> database, Path workDirectory,
                                       List<String> jvmOptions, List<String> arguments, Duration healthyWithin)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Ddisable-axoniq-console-message=true");
        // As the README and compose run it: a ledger out of heap ends, and the run reports it, instead of
        // measuring a half-alive process.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Path log = workDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Only the settings given here: a database inherited from the caller's environment would not be the one meant.
        List.of("LEDGER_DB_URL", "LEDGER_DB_USER", "LEDGER_DB_PASSWORD").forEach(env::remove);
        env.putAll(database);
        env.put("LEDGER_DATA_DIR", Files.createDirectories(workDirectory.resolve(name + "-data")).toString());
        LedgerProcess ledger = new LedgerProcess(name, builder.start(), new LedgerClient("http://localhost:" + port), log);
        try {
            ledger.awaitHealthy(healthyWithin);
        } catch (IOException | RuntimeException e) {
            ledger.kill();
            throw e;
        }
        return ledger;
    }

    /** The ledger jar {@code ./mvnw package} built, looked for from the repository root or a module directory. */
    public static Path builtJar() throws IOException {
        for (Path directory : List.of(Path.of("ledger-app", "target"), Path.of("..", "ledger-app", "target"))) {
            if (Files.isDirectory(directory)) {
                try (java.util.stream.Stream<Path> files = Files.list(directory)) {
                    var jar = files.filter(p -> p.getFileName().toString().matches("ledger-app-.*\\.jar"))
                            .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                            .max(java.util.Comparator.comparing(Path::toString));
                    if (jar.isPresent()) {
                        return jar.get().toAbsolutePath();
                    }
                }
            }
        }
        throw new IOException("no ledger-app/target/ledger-app-*.jar: build it first (./mvnw -B -ntp -q package -DskipTests)"
                + " or pass --ledger-jar=");
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.get("/actuator/health", ReferenceScenario.REPORTING_KEY).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IOException(name + " did not become healthy in " + timeout + "; see " + log);
    }

    public LedgerClient client() {
        return client;
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    /** A field of /proc/&lt;pid&gt;/status in kB (VmRSS, VmHWM), or -1 where /proc is not available. */
    long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU seconds (user + system) the process has used so far, or -1 without /proc. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Runs {@code jcmd <pid> <command> <arguments>} from this JDK; false if it is missing or fails. */
    boolean jcmd(String command, String... arguments) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid()), command));
        line.addAll(List.of(arguments));
        try {
            Process run = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolveSibling(name + "-jcmd.log").toFile())).start();
            return run.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) && run.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook, no graceful stop; returns when it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
