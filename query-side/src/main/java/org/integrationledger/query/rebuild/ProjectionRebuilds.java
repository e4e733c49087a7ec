package org.integrationledger.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs projection rebuilds: read the whole event store through the (gap-safe, upcasting) storage engine into a
 * fresh state while the live processor keeps serving, then stop the processor, apply what was appended
 * meanwhile, swap the rows and set the processor's token to the rebuild's position in one transaction, and
 * start it again. The token carries the rebuild's gaps, so an event committed late is still delivered.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final Map<String, RebuildableProjection> projections;
    private final EventStorageEngine engine;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilds(Collection<RebuildableProjection> projections, EventStorageEngine engine,
                       EventProcessingConfiguration processing, TokenStore tokens,
                       PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.projections = projections.stream()
                .collect(Collectors.toMap(RebuildableProjection::name, Function.identity()));
        this.engine = engine;
        this.processing = processing;
        this.tokens = tokens;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    public Collection<String> names() {
        return projections.keySet();
    }

    public Optional<String> checksum(String name) {
        return Optional.ofNullable(projections.get(name)).map(RebuildableProjection::checksum);
    }

    /** Starts a rebuild, or answers the one already running for this projection. */
    public synchronized Optional<RebuildProgress> start(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            return Optional.empty();
        }
        Tracker running = trackers.get(name);
        if (running != null && running.active()) {
            return Optional.of(running.progress());
        }
        long target = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Tracker tracker = new Tracker(name, target);
        trackers.put(name, tracker);
        runner.submit(() -> run(projection, tracker));
        return Optional.of(tracker.progress());
    }

    public Optional<RebuildProgress> progress(String name) {
        return Optional.ofNullable(trackers.get(name)).map(Tracker::progress);
    }

    private void run(RebuildableProjection projection, Tracker tracker) {
        try {
            RebuildableProjection.Rebuild rebuild = projection.newRebuild();
            TrackingToken position = read(null, rebuild, tracker);
            tracker.state = "SWITCHING";
            StreamingEventProcessor processor = processing
                    .eventProcessor(projection.name(), StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            try {
                TrackingToken last = Optional.ofNullable(read(position, rebuild, tracker)).orElse(position);
                transaction.executeWithoutResult(status -> {
                    rebuild.replaceLive();
                    if (last != null) {
                        for (int segment : tokens.fetchSegments(projection.name())) {
                            tokens.storeToken(last, projection.name(), segment);
                        }
                    }
                });
            } finally {
                processor.start();
            }
            tracker.finish("COMPLETED", rebuild.checksum(), null);
        } catch (RuntimeException e) {
            LOG.warn("Rebuild of projection {} failed; the live projection was left as it was", projection.name(), e);
            tracker.finish("FAILED", null, e.toString());
        }
    }

    /** Applies every event after {@code from}; answers the token of the last one, or null if there was none. */
    private TrackingToken read(TrackingToken from, RebuildableProjection.Rebuild rebuild, Tracker tracker) {
        TrackingToken last = null;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                rebuild.apply(event);
                last = event.trackingToken();
                tracker.processed(last.position().orElse(0));
            }
        }
        return last;
    }

    /** Mutable progress of one rebuild, read by the API and the metrics while the runner writes it. */
    static final class Tracker {

        private final String projection;
        private final long target;
        private final Instant startedAt = Instant.now();
        private volatile String state = "RUNNING";
        private volatile long processed;
        private volatile long reached;
        private volatile Instant finishedAt;
        private volatile String checksum;
        private volatile String failure;

        Tracker(String projection, long target) {
            this.projection = projection;
            this.target = target;
        }

        boolean active() {
            return finishedAt == null;
        }

        void processed(long globalIndex) {
            processed++;
            reached = Math.max(reached, globalIndex);
        }

        void finish(String finalState, String rebuiltChecksum, String error) {
            checksum = rebuiltChecksum;
            failure = error;
            state = finalState;
            finishedAt = Instant.now();
        }

        RebuildProgress progress() {
            Instant end = finishedAt == null ? Instant.now() : finishedAt;
            double seconds = Math.max(Duration.between(startedAt, end).toMillis(), 1) / 1000.0;
            double rate = processed / seconds;
            double percent = target == 0 ? 100.0 : Math.min(100.0, 100.0 * reached / target);
            Long eta = finishedAt != null ? Long.valueOf(0) : rate <= 0 || processed == 0 ? null
                    : Math.round(seconds * (100.0 - percent) / Math.max(percent, 0.0001));
            return new RebuildProgress(projection, state, processed, target, percent, rate, eta, startedAt,
                    finishedAt, checksum, failure);
        }
    }
}
