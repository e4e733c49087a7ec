package org.integrationledger.app.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.deadletter.ParkedCounts;
import org.integrationledger.app.deadletter.ProcessorStalls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event processors' state on {@code /actuator/health} (component {@code eventProcessors}), never UP while a
 * view cannot be current:
 * <ul>
 * <li>DOWN when a processor is stopped or in error, a segment is in error, a batch could neither be applied nor
 * parked and its segment is retrying ({@link ProcessorStalls}), or a segment of a processor this process runs has
 * been unclaimed for longer than {@code ledger.processors.unclaimed-segment-bound};</li>
 * <li>{@code DEGRADED} (answered 503, like DOWN) when a processor has parked documents: every other document is
 * current, the parked ones are not;</li>
 * <li>UP otherwise.</li>
 * </ul>
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "documents are parked in a dead-letter queue");

    private final EventProcessingConfiguration processing;
    private final ParkedCounts parked;
    private final ProcessorStalls stalls;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration unclaimedBound;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ParkedCounts parked,
                                   ProcessorStalls stalls, JdbcTemplate jdbc, Clock clock,
                                   @Value("${ledger.processors.unclaimed-segment-bound:PT1M}") Duration unclaimedBound) {
        this.processing = processing;
        this.parked = parked;
        this.stalls = stalls;
        this.jdbc = jdbc;
        this.clock = clock;
        this.unclaimedBound = unclaimedBound;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean down = false;
        boolean degraded = false;
        Map<String, EventProcessor> running = processing.eventProcessors();
        Map<String, List<Integer>> unclaimed = unclaimedTooLong(running);
        Map<String, List<ProcessorStalls.Stall>> stalled = new HashMap<>();
        stalls.current(name -> processing.eventProcessor(name, StreamingEventProcessor.class)
                        .map(StreamingEventProcessor::processingStatus).orElse(null))
                .forEach(stall -> stalled.computeIfAbsent(stall.processor(), k -> new ArrayList<>()).add(stall));
        Map<String, ParkedCounts.Parked> parkedNow = parked.current();
        Map<String, Object> processors = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : running.entrySet()) {
            String name = entry.getKey();
            EventProcessor processor = entry.getValue();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            down |= !processor.isRunning() || processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                details.put("replaying", streaming.isReplaying());
                details.put("claimedSegments", status.size());
                details.put("caughtUp", status.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                long errored = status.values().stream().filter(EventTrackerStatus::isErrorState).count();
                details.put("segmentsInError", errored);
                down |= errored > 0;
            }
            List<ProcessorStalls.Stall> stalledHere = stalled.getOrDefault(name, List.of());
            if (!stalledHere.isEmpty()) {
                details.put("stalledSegments", stalledHere);
                down = true;
            }
            List<Integer> unclaimedHere = unclaimed.getOrDefault(name, List.of());
            if (!unclaimedHere.isEmpty()) {
                details.put("segmentsUnclaimedTooLong", unclaimedHere);
                down = true;
            }
            ParkedCounts.Parked parkedHere = parkedNow.get(name);
            if (parkedHere != null) {
                details.put("parkedDocuments", parkedHere.sequences());
                details.put("parkedEvents", parkedHere.letters());
                degraded |= parkedHere.letters() > 0;
            }
            processors.put(name, details);
        }
        health.status(down ? Status.DOWN : degraded ? DEGRADED : Status.UP).withDetail("processors", processors);
    }

    /** Segments of the streaming processors this process runs that nobody has claimed for too long. */
    private Map<String, List<Integer>> unclaimedTooLong(Map<String, EventProcessor> running) {
        Instant limit = clock.instant().minus(unclaimedBound);
        Map<String, List<Integer>> unclaimed = new HashMap<>();
        jdbc.query("SELECT processor_name, segment, timestamp FROM token_entry WHERE owner IS NULL", row -> {
            String name = row.getString(1);
            if (running.get(name) instanceof StreamingEventProcessor streaming && streaming.isRunning()
                    && since(row.getString(3)).map(since -> since.isBefore(limit)).orElse(false)) {
                unclaimed.computeIfAbsent(name, k -> new ArrayList<>()).add(row.getInt(2));
            }
        });
        return unclaimed;
    }

    private static Optional<Instant> since(String timestamp) {
        try {
            return Optional.ofNullable(timestamp).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
