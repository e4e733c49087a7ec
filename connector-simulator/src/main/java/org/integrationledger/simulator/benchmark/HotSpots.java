package org.integrationledger.simulator.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a JFR recording of the ledger: where its CPU samples are (top frames, and the share of samples
 * that pass through each library), total GC pause time, and how long threads waited on sockets (PostgreSQL).
 */
final class HotSpots {

    record Summary(long samples, List<Map.Entry<String, Long>> topFrames, List<Map.Entry<String, Long>> libraries,
                   double gcPauseSeconds, long gcCount, double socketReadSeconds,
                   List<Map.Entry<String, Long>> cpuByThreadGroup, double compilationSeconds) {
    }

    private static final String[][] LIBRARIES = {
            {"org.axonframework.", "Axon Framework"}, {"org.postgresql.", "PostgreSQL JDBC driver"},
            {"org.hibernate.", "Hibernate"}, {"com.zaxxer.hikari.", "HikariCP"},
            {"com.fasterxml.jackson.", "Jackson 2 (Axon serializer)"}, {"tools.jackson.", "Jackson 3 (Spring MVC)"},
            {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"},
            {"org.springframework.boot.loader.", "Spring Boot jar loader (class/resource lookups)"},
            {"org.springframework.security.", "Spring Security"}, {"org.springframework.", "Spring (other)"},
            {"org.integrationledger.", "ledger code"}, {"io.micrometer.", "Micrometer"}};

    static Summary summarise(Path recording) throws IOException {
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> libraries = new LinkedHashMap<>();
        long samples = 0;
        double gc = 0;
        long gcCount = 0;
        double socket = 0;
        double compilation = 0;
        Map<String, Long> threadCpu = new HashMap<>(); // per thread group, in units of 1e-6 of the machine
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    if (frames.isEmpty()) {
                        continue;
                    }
                    samples++;
                    RecordedFrame frame = frames.stream().filter(f -> !isJdk(f.getMethod().getType().getName()))
                            .findFirst().orElse(frames.get(0));
                    top.merge(frame.getMethod().getType().getName() + "." + frame.getMethod().getName(), 1L, Long::sum);
                    // Self time by library: the sample goes to the innermost library frame on the stack, so JDK
                    // code (collections, crypto, I/O) counts for the library that called it.
                    String owner = "JDK / other";
                    search:
                    for (RecordedFrame f : frames) {
                        String frameType = f.getMethod().getType().getName();
                        for (String[] library : LIBRARIES) {
                            if (frameType.startsWith(library[0])) {
                                owner = library[1];
                                break search;
                            }
                        }
                    }
                    libraries.merge(owner, 1L, Long::sum);
                } else if (type.equals("jdk.GarbageCollection")) {
                    gc += event.getDuration().toNanos() / 1e9;
                    gcCount++;
                } else if (type.equals("jdk.ThreadCPULoad") && event.getThread() != null) {
                    // Each event is one thread's share of the machine's CPU over the last sampling period.
                    String thread = event.getThread().getJavaName() == null ? event.getThread().getOSName()
                            : event.getThread().getJavaName();
                    double load = event.getFloat("user") + event.getFloat("system");
                    threadCpu.merge(threadGroup(thread), Math.round(load * 1e6), Long::sum);
                } else if (type.equals("jdk.Compilation")) {
                    compilation += event.getDuration().toNanos() / 1e9;
                } else if (type.equals("jdk.SocketRead")) {
                    socket += event.getDuration().toNanos() / 1e9;
                }
            }
        }
        return new Summary(samples, sorted(top, 15), sorted(libraries, 20), gc, gcCount, socket, sorted(threadCpu, 12),
                compilation);
    }

    /** Thread names without their numbers, so pools read as one line: "http-nio-8080-exec-#". */
    private static String threadGroup(String name) {
        if (name == null) {
            return "?";
        }
        return name.replaceAll("[0-9]+", "#");
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.");
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts, int limit) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return entries.subList(0, Math.min(limit, entries.size()));
    }
}
