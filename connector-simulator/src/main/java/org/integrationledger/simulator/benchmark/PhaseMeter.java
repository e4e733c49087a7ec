package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.workload.ReferenceScenario;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches ledger processes during one measured phase: peak heap in use (the ledger's own
 * {@code jvm.memory.used{area=heap}} metric, polled every second: the metrics endpoint scans every meter, and at 4 polls a second it showed up in the
 * ledger's own profile), peak resident set (VmRSS; VmHWM at the end),
 * CPU seconds used by the ledger and by PostgreSQL, the ledger database's commits, and the machine's load average at
 * the start and the end.
 */
final class PhaseMeter implements AutoCloseable {

    /**
     * What one phase cost. Heap and RSS in MiB; CPU in seconds over all watched processes. {@code peakHeapMiB} is
     * the watched processes' heaps in use added up (the split pair's together), {@code peakProcessHeapMiB} the
     * largest heap in use of any one of them: the heap target is a ledger process's.
     */
    record Usage(double peakHeapMiB, double peakRssMiB, double hwmMiB, double ledgerCpuSeconds, double machineBusySeconds,
                 String loadStart, String loadEnd, double seconds, double postgresCpuSeconds, long commits,
                 double peakProcessHeapMiB) {
    }

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.eE+-]+)");

    private final List<LedgerProcess> processes;
    private final Thread sampler;
    private final String loadStart;
    private final double cpuStart;
    private final double busyStart;
    private final double postgresStart;
    private final LongSupplier commits;
    private final long commitsStart;
    private final long start = System.nanoTime();
    private volatile boolean running = true;
    private volatile double peakHeap;
    private volatile double peakProcessHeap;
    private volatile double peakRss;

    PhaseMeter(List<LedgerProcess> processes) {
        this(processes, () -> -1);
    }

    /** {@code commits} answers the ledger database's committed transactions so far, or -1 if unknown. */
    PhaseMeter(List<LedgerProcess> processes, LongSupplier commits) {
        this.processes = processes;
        this.loadStart = loadAverage();
        this.cpuStart = cpu();
        this.busyStart = machineBusySeconds();
        this.postgresStart = postgresCpuSeconds();
        this.commits = commits;
        this.commitsStart = commits.getAsLong();
        this.sampler = new Thread(this::sample, "phase-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            double heap = 0;
            double rss = 0;
            for (LedgerProcess process : processes) {
                try {
                    var answer = process.client().get("/actuator/metrics/jvm.memory.used?tag=area:heap",
                            ReferenceScenario.ADMIN_KEY);
                    Matcher m = VALUE.matcher(answer.body());
                    if (answer.status() == 200 && m.find()) {
                        double processHeap = Double.parseDouble(m.group(1)) / (1024 * 1024);
                        heap += processHeap;
                        peakProcessHeap = Math.max(peakProcessHeap, processHeap);
                    }
                } catch (RuntimeException ignored) {
                    // a sample lost under load is just a sample lost
                }
                rss += Math.max(0, process.procStatusKb("VmRSS")) / 1024.0;
            }
            peakHeap = Math.max(peakHeap, heap);
            peakRss = Math.max(peakRss, rss);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Usage finish() {
        running = false;
        sampler.interrupt();
        double hwm = processes.stream().mapToDouble(p -> Math.max(0, p.procStatusKb("VmHWM")) / 1024.0).sum();
        long commitsEnd = commits.getAsLong();
        return new Usage(peakHeap, peakRss, hwm, cpu() - cpuStart, machineBusySeconds() - busyStart, loadStart,
                loadAverage(), (System.nanoTime() - start) / 1e9, postgresCpuSeconds() - postgresStart,
                commitsStart < 0 || commitsEnd < 0 ? -1 : commitsEnd - commitsStart, peakProcessHeap);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private double cpu() {
        return processes.stream().mapToDouble(LedgerProcess::cpuSeconds).sum();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /**
     * CPU seconds used by every PostgreSQL process on this machine, from /proc: each live process's own time plus
     * the time of its exited children (a backend that ended is counted in the postmaster's). On the embedded
     * default that is the ledger's database; an idle server beside it adds next to nothing. 0 without /proc.
     */
    static double postgresCpuSeconds() {
        long ticks = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : entries) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    // Fields after the command: state is field 3; utime, stime, cutime, cstime are 14 to 17.
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                            + Long.parseLong(f[14]);
                } catch (IOException | RuntimeException gone) {
                    // the process ended between listing and reading
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks / 100.0;
    }

    /**
     * Waits until the whole machine was busy for less than {@code share} of all its cores over one {@code window},
     * or until {@code timeout}; returns the seconds waited, or -1 if it did not settle. Without /proc/stat it does
     * not wait.
     */
    static double awaitQuiet(double share, Duration window, Duration timeout) {
        long start = System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        while (System.nanoTime() - start < timeout.toNanos()) {
            double busyBefore = machineBusySeconds();
            LedgerProcess.sleep(window.toMillis());
            double busy = (machineBusySeconds() - busyBefore) / (window.toMillis() / 1000.0 * cores);
            if (busyBefore == 0 || busy < share) {
                return (System.nanoTime() - start) / 1e9;
            }
        }
        return -1;
    }

    /** Busy CPU seconds of the whole machine (all cores) from /proc/stat, or 0 without it. */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
