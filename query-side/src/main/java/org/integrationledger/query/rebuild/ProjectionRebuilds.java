package org.integrationledger.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final int BATCH_SIZE = 1_000;
    /**
     * A batch also ends at this many serialized payload bytes. A thousand orders of a thousand lines (340 KB
     * apiece, accepted input) are 340 MB before deserialization, and up to five batches are held (read ahead and
     * being applied): a rebuild at {@code -Xmx512m} ran out of heap on 1,198 such orders (docs/audit.md, "Memory
     * of a rebuild"). A thousand typical events are about 0.4 MB, so their batches end at the count as before.
     */
    private static final long BATCH_BYTES = 4L << 20;
    private static final int READ_AHEAD_BATCHES = 4;
    /** Assumed payload size when the storage engine's serializer is not known. */
    private static final int UNKNOWN_EVENT_BYTES = 2_048;

    private final Map<String, RebuildableProjection> projections;
    private final EventStorageEngine engine;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionTemplate transaction;
    private final SwitchChecksums checksums;
    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final Map<String, RebuildTracker> trackers = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("projection-rebuild"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("projection-rebuild-reader"));

    ProjectionRebuilds(Collection<RebuildableProjection> projections, EventStorageEngine engine,
                       EventProcessingConfiguration processing, TokenStore tokens,
                       PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.projections = projections.stream()
                .collect(Collectors.toMap(RebuildableProjection::name, Function.identity()));
        this.engine = engine;
        this.eventSerializer = engine instanceof AbstractEventStorageEngine stored ? stored.getEventSerializer() : null;
        this.processing = processing;
        this.tokens = tokens;
        this.transaction = new TransactionTemplate(transactions);
        this.checksums = new SwitchChecksums(transactions, jdbc);
        this.jdbc = jdbc;
    }

    /** Threads of the rebuild's own, which never keep the process from stopping. */
    static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public Collection<String> names() {
        return projections.keySet();
    }

    public Optional<String> checksum(String name) {
        return Optional.ofNullable(projections.get(name)).map(RebuildableProjection::checksum);
    }

    /**
     * Starts a rebuild; refuses while any rebuild runs ({@link RebuildAlreadyRunning}), because two at once would
     * hold two sets of rebuilt states in the heap and stop the processors twice.
     */
    public synchronized Optional<RebuildProgress> start(String name) {
        if (!projections.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(startTogether(List.of(name)).get(0));
    }

    /**
     * Rebuilds every projection in one pass over the event store: each event is read and deserialized once and
     * applied to all of them, and they switch in one transaction. Refused while any rebuild runs.
     */
    public synchronized List<RebuildProgress> startAll() {
        return startTogether(projections.keySet().stream().sorted().toList());
    }

    private List<RebuildProgress> startTogether(List<String> names) {
        List<String> running = trackers.values().stream().filter(RebuildTracker::active)
                .map(tracker -> tracker.progress().projection()).sorted().toList();
        if (!running.isEmpty()) {
            throw new RebuildAlreadyRunning(running);
        }
        long target = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        List<Job> jobs = new ArrayList<>();
        List<RebuildProgress> answers = new ArrayList<>();
        for (String name : names) {
            RebuildTracker tracker = new RebuildTracker(name, target);
            trackers.put(name, tracker);
            jobs.add(new Job(projections.get(name), tracker));
            answers.add(tracker.progress());
        }
        runner.submit(() -> run(jobs));
        return answers;
    }

    /** Waits until every rebuild started so far has ended: the single runner thread runs them in order. */
    public void awaitIdle() throws InterruptedException {
        try {
            runner.submit(() -> { }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public Optional<RebuildProgress> progress(String name) {
        return Optional.ofNullable(trackers.get(name)).map(RebuildTracker::progress);
    }

    private void run(List<Job> jobs) {
        List<String> names = jobs.stream().map(job -> job.projection.name()).toList();
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        try {
            for (Job job : jobs) {
                job.rebuild = job.projection.newRebuild();
            }
            LeftOutDocuments leftOut = new LeftOutDocuments(names.toString());
            TrackingToken position = read(null, jobs, leftOut);
            jobs.forEach(job -> job.rebuild.prepareSwitch());
            jobs.forEach(job -> job.tracker.state = RebuildState.SWITCHING);
            for (Job job : jobs) {
                StreamingEventProcessor processor = processing
                        .eventProcessor(job.projection.name(), StreamingEventProcessor.class).orElseThrow();
                processor.shutDown();
                stopped.add(processor);
            }
            long stoppedAt = System.nanoTime();
            TrackingToken last = Optional.ofNullable(read(position, jobs, leftOut)).orElse(position);
            transaction.executeWithoutResult(status -> {
                for (Job job : jobs) {
                    long replacing = System.nanoTime();
                    job.rebuild.replaceLive();
                    // The live processors stand still for the whole switch: say where that time goes.
                    LOG.info("Rebuild of {}: rebuilt rows written in {} ms", job.projection.name(),
                            (System.nanoTime() - replacing) / 1_000_000);
                    if (last != null) {
                        for (int segment : tokens.fetchSegments(job.projection.name())) {
                            tokens.storeToken(last, job.projection.name(), segment);
                        }
                    }
                }
                long swapping = System.nanoTime();
                jobs.forEach(job -> job.rebuild.swapIn());
                LOG.info("Rebuild of {}: shadow tables swapped in in {} ms", names,
                        (System.nanoTime() - swapping) / 1_000_000);
            });
            LOG.info("Rebuild of {}: processors stopped for {} ms", names, (System.nanoTime() - stoppedAt) / 1_000_000);
            Map<String, String> rebuilt = checksums.read(jobs.stream().map(job -> job.projection).toList(), () -> {
                stopped.forEach(StreamingEventProcessor::start);
                stopped.clear();
            });
            jobs.forEach(Job::countStates);
            jobs.forEach(job -> job.tracker.finish(RebuildState.COMPLETED, rebuilt.get(job.projection.name()), null));
            jobs.forEach(job -> LOG.info("Rebuilt {}: {} states spilled to PostgreSQL, {} read back",
                    job.projection.name(), job.tracker.spilled, job.tracker.readBack));
        } catch (RuntimeException e) {
            LOG.warn("Rebuild of {} failed; the live projections were left as they were", names, e);
            jobs.forEach(job -> job.tracker.finish(RebuildState.FAILED, null, e.toString()));
        } finally {
            stopped.forEach(StreamingEventProcessor::start);
            cleanUp(jobs);
        }
    }

    /** Tidies up after the switch (or a failure), outside the processors' stop; a failure here only logs. */
    private static void cleanUp(List<Job> jobs) {
        for (Job job : jobs) {
            try {
                if (job.rebuild != null) {
                    job.rebuild.cleanUp();
                }
            } catch (RuntimeException e) {
                LOG.warn("Rebuild of {}: clean-up failed; the next rebuild starts by deleting what is left",
                        job.projection.name(), e);
            }
        }
    }

    /**
     * Applies every event after {@code from} to every job, but those {@code leftOut} does not admit; answers the
     * token of the last one, or null if there was none. A reader thread fetches and deserializes the next batches
     * while this thread applies the current one, so the two halves of the work use both cores of a small machine.
     */
    private TrackingToken read(TrackingToken from, List<Job> jobs, LeftOutDocuments leftOut) {
        BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(READ_AHEAD_BATCHES);
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> reader = this.reader.submit(() -> {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                ReadAheadBatch batch = new ReadAheadBatch(BATCH_SIZE, BATCH_BYTES);
                while (iterator.hasNext() && !cancelled.get()) {
                    TrackedEventMessage<?> event = iterator.next();
                    // Deserialized here, on the reader thread; the messages cache their payload, metadata and
                    // timestamp (parsed from text: 8 % of the applying thread's samples when left to it).
                    event.getPayload();
                    event.getMetaData();
                    event.getTimestamp();
                    Optional<List<TrackedEventMessage<?>>> full = batch.add(event, payloadBytes(event));
                    if (full.isPresent()) {
                        put(batches, new Batch(full.get(), null), cancelled);
                    }
                }
                put(batches, new Batch(batch.rest(), null), cancelled);
                put(batches, Batch.END, cancelled);
            } catch (RuntimeException e) {
                put(batches, new Batch(List.of(), e), cancelled);
            }
            return null;
        });
        TrackingToken last = null;
        try {
            while (true) {
                Batch batch = batches.take();
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                if (batch == Batch.END) {
                    break;
                }
                for (TrackedEventMessage<?> event : batch.events()) {
                    if (leftOut.admits(event)) {
                        for (Job job : jobs) {
                            job.rebuild.apply(event);
                        }
                    } else {
                        jobs.forEach(job -> job.tracker.documentsLeftOut = leftOut.size());
                    }
                    last = event.trackingToken();
                    long position = last.position().orElse(0);
                    jobs.forEach(job -> job.tracker.processed(position));
                }
                jobs.forEach(Job::countStates);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            cancelled.set(true);
            batches.clear();
            reader.cancel(true);
        }
        return last;
    }

    /**
     * The event's payload as stored, in bytes: the serialized form a message read from the store keeps beside its
     * deserialized payload, so asking costs no serialization.
     */
    private long payloadBytes(TrackedEventMessage<?> event) {
        if (eventSerializer == null) {
            return UNKNOWN_EVENT_BYTES;
        }
        return event.serializePayload(eventSerializer, byte[].class).getData().length;
    }

    private static void put(BlockingQueue<Batch> batches, Batch batch, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get() && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the applying thread is behind; wait for room (or for it to give up)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events read ahead for the applying thread, or the reader's failure; {@link #END} closes the stream. */
    private record Batch(List<TrackedEventMessage<?>> events, RuntimeException failure) {
        static final Batch END = new Batch(List.of(), null);
    }

    /** One projection's part in a (possibly shared) rebuild. */
    private static final class Job {
        private final RebuildableProjection projection;
        private final RebuildTracker tracker;
        private RebuildableProjection.Rebuild rebuild;

        private Job(RebuildableProjection projection, RebuildTracker tracker) {
            this.projection = projection;
            this.tracker = tracker;
        }

        private void countStates() {
            tracker.spilled = rebuild.states().stream().mapToLong(BoundedStates::spilled).sum();
            tracker.readBack = rebuild.states().stream().mapToLong(BoundedStates::readBack).sum();
        }
    }
}
