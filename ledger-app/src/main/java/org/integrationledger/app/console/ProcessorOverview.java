package org.integrationledger.app.console;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.deadletter.ParkedCounts;
import org.integrationledger.app.deadletter.ProcessorStalls;
import org.integrationledger.query.rebuild.ProjectionRebuilds;
import org.integrationledger.query.rebuild.RebuildProgress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of {@code /actuator/health} (component eventProcessors), the dead-letter operations and the rebuilds,
 * gathered for the operations page: each processor's position against the head of the event store, its lag,
 * errors, stalls and parked documents, and its last rebuild.
 */
@Component
class ProcessorOverview {

    private final EventProcessingConfiguration processing;
    private final ParkedCounts parked;
    private final ProcessorStalls stalls;
    private final HealthIndicator health;
    private final ObjectProvider<ProjectionRebuilds> rebuilds;
    private final JdbcTemplate jdbc;

    ProcessorOverview(EventProcessingConfiguration processing, ParkedCounts parked, ProcessorStalls stalls,
                      @Qualifier("eventProcessors") HealthIndicator health,
                      ObjectProvider<ProjectionRebuilds> rebuilds, JdbcTemplate jdbc) {
        this.processing = processing;
        this.parked = parked;
        this.stalls = stalls;
        this.health = health;
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
    }

    /** What the page shows: the health status, the head, one line per processor. */
    record Overview(String status, long head, List<Processor> processors, long parkedDocuments) {
    }

    /**
     * One processor: its state as a word (the colour of the page repeats it), the lowest position of its claimed
     * segments (-1 while none is claimed), its lag behind the head in events, and what else is wrong. A subscribing
     * processor handles each event in the transaction that stores it, so it has no position of its own.
     */
    record Processor(String name, boolean streaming, String state, boolean running, boolean error, boolean replaying, int segments,
                     long position, long lag, long segmentsInError, List<ProcessorStalls.Stall> stalls,
                     long parkedDocuments, long parkedEvents, boolean rebuildable, RebuildProgress lastRebuild) {
    }

    Overview read() {
        Long stored = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long head = stored == null ? -1 : stored;
        Map<String, ParkedCounts.Parked> parkedNow = parked.current();
        List<ProcessorStalls.Stall> stalledNow = stalls.current(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(null));
        ProjectionRebuilds projections = rebuilds.getIfAvailable();
        List<Processor> lines = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            String name = entry.getKey();
            EventProcessor processor = entry.getValue();
            int segments = 0;
            long position = -1;
            long inError = 0;
            boolean replaying = false;
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                segments = status.size();
                position = status.isEmpty() ? -1 : status.values().stream()
                        .mapToLong(s -> s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : -1)
                        .min().orElse(-1);
                inError = status.values().stream().filter(EventTrackerStatus::isErrorState).count();
                replaying = streaming.isReplaying();
            }
            List<ProcessorStalls.Stall> stalled = stalledNow.stream().filter(s -> s.processor().equals(name)).toList();
            ParkedCounts.Parked parkedHere = parkedNow.getOrDefault(name, new ParkedCounts.Parked(0, 0));
            boolean rebuildable = projections != null && projections.names().contains(name);
            RebuildProgress last = rebuildable ? projections.progress(name).orElse(null) : null;
            long lag = processor instanceof StreamingEventProcessor && position >= 0 ? Math.max(0, head - position)
                    : processor instanceof StreamingEventProcessor ? Math.max(0, head + 1) : 0;
            String state = !processor.isRunning() ? "STOPPED"
                    : processor.isError() || inError > 0 || !stalled.isEmpty() ? "ERROR"
                    : parkedHere.letters() > 0 ? "PARKED"
                    : replaying ? "REPLAYING"
                    : lag > 0 ? "BEHIND" : "CURRENT";
            lines.add(new Processor(name, processor instanceof StreamingEventProcessor, state, processor.isRunning(), processor.isError(), replaying, segments,
                    position, lag, inError, stalled, parkedHere.sequences(), parkedHere.letters(), rebuildable, last));
        }
        lines.sort(Comparator.comparing(Processor::name));
        String status = Optional.ofNullable(health.health(false)).map(h -> h.getStatus().getCode()).orElse("UNKNOWN");
        return new Overview(status, head, lines, lines.stream().mapToLong(Processor::parkedDocuments).sum());
    }

    /** The projections an admin may rebuild. */
    List<String> rebuildable() {
        ProjectionRebuilds projections = rebuilds.getIfAvailable();
        return projections == null ? List.of() : projections.names().stream().sorted().toList();
    }

    /** Starts a rebuild of one projection; empty when no projection has that name. */
    Optional<RebuildProgress> startRebuild(String projection) {
        ProjectionRebuilds projections = rebuilds.getIfAvailable();
        return projections == null ? Optional.empty() : projections.start(projection);
    }
}
