package org.integrationledger.app.deadletter;

import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many documents (sequences) and events (letters) each processor with a dead-letter queue has parked, read
 * from {@code dead_letter_entry} at most once per {@code maxAge} (metrics scrapes and health checks share it).
 */
public final class ParkedCounts {

    /** Parked documents and events of one processor. */
    public record Parked(long sequences, long letters) {

        static final Parked NONE = new Parked(0, 0);
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration maxAge;
    private final List<String> processors;
    private volatile Snapshot snapshot;
    /** The last reading, kept across {@link #refresh()} to see a queue become empty. */
    private volatile Snapshot lastRead;
    private final Map<String, Long> emptied = new ConcurrentHashMap<>();

    private record Snapshot(Instant readAt, Map<String, Parked> counts) {
    }

    public ParkedCounts(JdbcTemplate jdbc, Clock clock, Duration maxAge, EventProcessorProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAge = maxAge;
        this.processors = properties.getProcessors().entrySet().stream()
                .filter(entry -> entry.getValue().getDlq().isEnabled())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The processors that park failing events. */
    public List<String> processors() {
        return processors;
    }

    /** Every processor with a dead-letter queue, parked or not. */
    public Map<String, Parked> current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(maxAge).isBefore(now)) {
            current = new Snapshot(now, read());
            snapshot = current;
        }
        return current.counts();
    }

    public Parked of(String processor) {
        return current().getOrDefault(processor, Parked.NONE);
    }

    /** Reads again now, so the counts (and the processors' caches) see an operator's retry or eviction. */
    public void refresh() {
        snapshot = new Snapshot(clock.instant(), read());
    }

    /**
     * How many times a reading found the processor's queue empty after one that did not (0: never): the signal for
     * {@link ParkedCacheReset}.
     */
    long emptiedGeneration(String processor) {
        Long generation = emptied.get(processor);
        return generation == null ? 0 : generation;
    }

    private Map<String, Parked> read() {
        Map<String, Parked> counts = new HashMap<>();
        jdbc.query("""
                SELECT processing_group, count(DISTINCT sequence_identifier), count(*)
                FROM dead_letter_entry GROUP BY processing_group""",
                row -> {
                    counts.put(row.getString(1), new Parked(row.getLong(2), row.getLong(3)));
                });
        Map<String, Parked> all = new TreeMap<>();
        processors.forEach(processor -> all.put(processor, counts.getOrDefault(processor, Parked.NONE)));
        counts.forEach(all::putIfAbsent);
        Snapshot previous = lastRead;
        all.forEach((processor, parked) -> {
            Parked before = previous == null ? null : previous.counts().get(processor);
            if (parked.letters() == 0 && before != null && before.letters() > 0) {
                emptied.merge(processor, 1L, Long::sum);
            }
        });
        Map<String, Parked> result = Map.copyOf(all);
        lastRead = new Snapshot(clock.instant(), result);
        return result;
    }
}
