package org.integrationledger.simulator.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The machine and software a run was measured on, as the report states them. */
final class Environment {

    private Environment() {
    }

    static void describe(Map<String, String> into, BenchmarkProfile profile, Map<String, String> flags) {
        into.put("date (UTC)", Instant.now().toString());
        into.put("CPU", cpu());
        into.put("memory", memory());
        into.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        into.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        into.put("profile", profile.toString());
        into.put("load average at start", PhaseMeter.loadAverage());
    }

    private static String cpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String model = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
            long cores = lines.stream().filter(l -> l.startsWith("processor")).count();
            return model + ", " + cores + " logical CPUs (Runtime.availableProcessors = "
                    + Runtime.getRuntime().availableProcessors() + ")";
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors() + " CPUs";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
