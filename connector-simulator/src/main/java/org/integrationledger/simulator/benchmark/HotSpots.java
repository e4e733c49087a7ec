package org.integrationledger.simulator.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a JFR recording of the ledger: where its CPU samples are (top frames, and the share of samples
 * that pass through each library), total GC pause time, and how long threads waited on sockets (PostgreSQL).
 */
final class HotSpots {

    record Summary(long samples, List<Map.Entry<String, Long>> topFrames, List<Map.Entry<String, Long>> libraries,
                   double gcPauseSeconds, long gcCount, double socketReadSeconds) {
    }

    private static final String[][] LIBRARIES = {
            {"org.axonframework.", "Axon Framework"}, {"org.postgresql.", "PostgreSQL JDBC driver"},
            {"org.hibernate.", "Hibernate"}, {"com.zaxxer.hikari.", "HikariCP"},
            {"com.fasterxml.jackson.", "Jackson 2 (Axon serializer)"}, {"tools.jackson.", "Jackson 3 (Spring MVC)"},
            {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"},
            {"org.springframework.security.", "Spring Security"}, {"org.springframework.", "Spring (other)"},
            {"org.integrationledger.", "ledger code"}, {"java.util.regex.", "JDK regex"},
            {"java.security.", "JDK crypto/security"}, {"sun.security.", "JDK crypto/security"},
            {"io.micrometer.", "Micrometer"}};

    static Summary summarise(Path recording) throws IOException {
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> libraries = new LinkedHashMap<>();
        long samples = 0;
        double gc = 0;
        long gcCount = 0;
        double socket = 0;
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
                    RecordedFrame frame = frames.get(0);
                    top.merge(frame.getMethod().getType().getName() + "." + frame.getMethod().getName(), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String owner = f.getMethod().getType().getName();
                        for (String[] library : LIBRARIES) {
                            if (owner.startsWith(library[0])) {
                                seen.add(library[1]);
                                break;
                            }
                        }
                    }
                    seen.forEach(library -> libraries.merge(library, 1L, Long::sum));
                } else if (type.equals("jdk.GarbageCollection")) {
                    gc += event.getDuration().toNanos() / 1e9;
                    gcCount++;
                } else if (type.equals("jdk.SocketRead")) {
                    socket += event.getDuration().toNanos() / 1e9;
                }
            }
        }
        return new Summary(samples, sorted(top, 15), sorted(libraries, 20), gc, gcCount, socket);
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts, int limit) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return entries.subList(0, Math.min(limit, entries.size()));
    }
}
