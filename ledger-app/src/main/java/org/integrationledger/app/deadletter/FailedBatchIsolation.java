package org.integrationledger.app.deadletter;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The error handler of every event processor. For a pooled processor with a dead-letter queue it turns a failed
 * batch into applied events and parked ones; for any other processor, or when the failure cannot be pinned on one
 * event, it propagates the error as Axon's {@link PropagatingErrorHandler} does: a pooled processor then retries the
 * batch with back-off (recorded in {@link ProcessorStalls}, which the health check reads), a subscribing one fails
 * the command that published the event.
 * <p>
 * Why it is needed: the projections write late (JPA flushes at commit; the reconciliation, trace and SLA
 * projections write their batch just before commit), so a database error usually surfaces after the handler call
 * Axon's dead-lettering invoker watches, and on PostgreSQL it aborts the whole transaction, token and dead-letter
 * insert included. The batch is therefore redone here one event per transaction, each with the token that event
 * reached, exactly as the work package would have stored it had the batch ended there:
 * <ul>
 * <li>an event that succeeds commits with its token, so the rest of the batch is applied exactly once;</li>
 * <li>an event of a document already parked is parked behind it by the dead-lettering invoker (order kept);</li>
 * <li>an event that fails, in its handler or at commit, rolls back entirely, and is then parked with the cause and
 * its token in a transaction of its own (announced on the webhook when it is its document's first,
 * {@link ParkedAnnouncements});</li>
 * <li>a failure of the moment ({@link Transience}: connection lost, deadlock, claim lost) or a failure to park
 * (the queue full, the database gone) is propagated, and the processor retries from the last stored token.</li>
 * </ul>
 * Nothing of this runs while batches succeed.
 */
final class FailedBatchIsolation implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FailedBatchIsolation.class);

    private final Supplier<EventProcessingConfiguration> processing;
    private final ProcessorStalls stalls;
    private final ParkedAnnouncements announcements;

    FailedBatchIsolation(Supplier<EventProcessingConfiguration> processing, ProcessorStalls stalls,
                         ParkedAnnouncements announcements) {
        this.processing = processing;
        this.stalls = stalls;
        this.announcements = announcements;
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        String name = context.eventProcessor();
        EventProcessingConfiguration configuration = processing.get();
        Optional<PooledStreamingEventProcessor> processor =
                configuration.eventProcessor(name, PooledStreamingEventProcessor.class);
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = configuration.deadLetterQueue(name);
        List<? extends EventMessage<?>> events = context.failedEvents();
        if (processor.isEmpty() || queue.isEmpty() || events.isEmpty()
                || !events.stream().allMatch(TrackedEventMessage.class::isInstance)
                || Transience.isTransient(context.error())) {
            propagate(context, configuration, processor);
            return;
        }
        @SuppressWarnings("unchecked")
        List<TrackedEventMessage<?>> batch = (List<TrackedEventMessage<?>>) events;
        Batch work = new Batch(name, processor.get(), queue.get(), configuration, announcements);
        if (!batch.stream().allMatch(event -> work.segmentOf(event).isPresent())) {
            // The segments changed meanwhile (a split or merge): the batch is retried where it is held now.
            log.warn("Processor [{}]: a batch of {} events failed ({}) and its segment is unknown; the batch is "
                    + "retried", name, batch.size(), context.error().toString());
            propagate(context, configuration, processor);
            return;
        }
        log.warn("Processor [{}]: a batch of {} events failed ({}); redoing it one event per transaction", name,
                batch.size(), context.error().toString());
        try {
            work.isolate(batch);
        } catch (Exception | Error e) {
            // The events before the one that failed are committed: the stall is at that event.
            TrackedEventMessage<?> failed = work.current != null ? work.current : batch.get(0);
            record(name, processor.get(), segmentIdOf(() -> work.segmentOf(failed)), position(failed), e);
            throw e;
        }
    }

    /** The segment's id, or null when it cannot be told (the database may be what failed). */
    private static Integer segmentIdOf(Supplier<Optional<Segment>> lookup) {
        try {
            return lookup.get().map(Segment::getSegmentId).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void record(String name, PooledStreamingEventProcessor processor, Integer segment, Long position,
                        Throwable cause) {
        // A processor shutting down fails its last batch on purpose; that is no stall.
        if (processor.isRunning()) {
            stalls.failed(name, segment, position, cause);
        }
    }

    private void propagate(ErrorContext context, EventProcessingConfiguration configuration,
                           Optional<PooledStreamingEventProcessor> processor) throws Exception {
        EventMessage<?> first = context.failedEvents().isEmpty() ? null : context.failedEvents().get(0);
        Integer segment = null;
        Long position = null;
        if (first instanceof TrackedEventMessage<?> tracked && processor.isPresent()) {
            segment = segmentIdOf(() -> segmentOf(configuration, context.eventProcessor(),
                    segments(configuration, context.eventProcessor()), tracked));
            position = position(tracked);
        }
        // Only a pooled processor retries a batch; a subscribing one fails the command that published the event.
        if (processor.isPresent()) {
            record(context.eventProcessor(), processor.get(), segment, position, context.error());
        }
        PropagatingErrorHandler.instance().handleError(context);
    }

    private static Object sequenceOf(EventProcessingConfiguration configuration, String name, EventMessage<?> event) {
        Object sequence = configuration.sequencingPolicy(name).getSequenceIdentifierFor(event);
        return sequence != null ? sequence : event.getIdentifier();
    }

    /**
     * The segment the event belongs to, as the processor's sequencing policy assigns it, among the segments this
     * process holds. The segments are read from the token store, not from the processor's status, which a
     * released work package may clear after its successor on the same segment has started.
     */
    private static Optional<Segment> segmentOf(EventProcessingConfiguration configuration, String name,
                                               Segment[] segments, EventMessage<?> event) {
        int hash = Objects.hashCode(sequenceOf(configuration, name, event));
        return Arrays.stream(segments).filter(segment -> segment.matches(hash)).findFirst();
    }

    private static Segment[] segments(EventProcessingConfiguration configuration, String name) {
        return Segment.computeSegments(configuration.transactionManager(name)
                .fetchInTransaction(() -> configuration.tokenStore(name).fetchSegments(name)));
    }

    private static Long position(TrackedEventMessage<?> event) {
        var position = event.trackingToken().position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    /** One failed batch of one processor, redone event by event. */
    private static final class Batch {

        private final String name;
        private final PooledStreamingEventProcessor processor;
        private final SequencedDeadLetterQueue<EventMessage<?>> queue;
        private final EventProcessingConfiguration configuration;
        private final TransactionManager transactions;
        private final TokenStore tokens;
        private final EventHandlerInvoker invoker;
        private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
        private final ParkedAnnouncements announcements;
        private Segment[] segments;
        /** The event being redone, for the stall when the redo fails. */
        private TrackedEventMessage<?> current;

        Batch(String name, PooledStreamingEventProcessor processor, SequencedDeadLetterQueue<EventMessage<?>> queue,
              EventProcessingConfiguration configuration, ParkedAnnouncements announcements) {
            this.announcements = announcements;
            this.name = name;
            this.processor = processor;
            this.queue = queue;
            this.configuration = configuration;
            this.transactions = configuration.transactionManager(name);
            this.tokens = configuration.tokenStore(name);
            this.invoker = processor.eventHandlerInvoker();
            this.interceptors = processor.getHandlerInterceptors();
        }

        void isolate(List<TrackedEventMessage<?>> batch) throws Exception {
            for (int i = 0; i < batch.size(); i++) {
                TrackedEventMessage<?> event = batch.get(i);
                current = event;
                Segment segment = segmentOf(event).orElseThrow(() -> new IllegalStateException(
                        "processor " + name + " no longer holds the segment of event " + event.getIdentifier()));
                // Events sharing a token (an upcaster's split) are one position: store it after the last of them.
                boolean lastAtItsPosition = i == batch.size() - 1
                        || !Objects.equals(event.trackingToken(), batch.get(i + 1).trackingToken());
                Throwable failure = apply(event, segment, lastAtItsPosition);
                if (failure == null) {
                    continue;
                }
                if (Transience.isTransient(failure)) {
                    throw asException(failure);
                }
                park(event, segment, lastAtItsPosition, failure);
            }
        }

        /** Null when the event (and its token) committed, else why its transaction failed. */
        private Throwable apply(TrackedEventMessage<?> event, Segment segment, boolean storeToken) {
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(event));
            unitOfWork.attachTransaction(transactions);
            unitOfWork.resources().put("Processor[" + name + "]/SegmentId", segment.getSegmentId());
            unitOfWork.resources().put("Processor[" + name + "]/Token", event.trackingToken());
            // Storing the token, or else extending the claim, also proves this process still owns the segment.
            unitOfWork.onPrepareCommit(u -> {
                if (storeToken) {
                    tokens.storeToken(event.trackingToken(), name, segment.getSegmentId());
                } else {
                    tokens.extendClaim(name, segment.getSegmentId());
                }
            });
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                    unitOfWork, interceptors, message -> {
                invoker.handle(message, segment);
                return null;
            }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
            return result.isExceptional() ? ParkOnlyAfterRollback.unwrap(result.exceptionResult()) : null;
        }

        private void park(TrackedEventMessage<?> event, Segment segment, boolean storeToken, Throwable failure) {
            Object sequence = sequenceOf(event);
            log.warn("Processor [{}]: parking event {} ({}, global position {}) of document [{}]: {}", name,
                    event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    event.trackingToken().position().orElse(-1), sequence, ParkingCause.text(failure));
            transactions.executeInTransaction(() -> {
                if (!queue.contains(sequence)) {
                    announcements.parked(name, sequence, event, failure);
                }
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, ParkingCause.of(failure),
                        GenericDeadLetter.clock.instant(), GenericDeadLetter.clock.instant(),
                        MetaData.emptyInstance()));
                if (storeToken) {
                    tokens.storeToken(event.trackingToken(), name, segment.getSegmentId());
                } else {
                    tokens.extendClaim(name, segment.getSegmentId());
                }
            });
            // The dead-lettering invoker's cache of documents known not to be parked must learn of this letter:
            // dropping the segment's cache makes it ask the queue again (this thread is the only one handling the
            // segment). Called on that invoker itself: the processor's MultiEventHandlerInvoker does not pass
            // segmentReleased on.
            configuration.sequencedDeadLetterProcessor(name)
                    .filter(EventHandlerInvoker.class::isInstance)
                    .map(EventHandlerInvoker.class::cast)
                    .ifPresent(deadLettering -> deadLettering.segmentReleased(segment));
        }

        private Object sequenceOf(EventMessage<?> event) {
            return FailedBatchIsolation.sequenceOf(configuration, name, event);
        }

        Optional<Segment> segmentOf(TrackedEventMessage<?> event) {
            if (segments == null) {
                segments = segments(configuration, name);
            }
            return FailedBatchIsolation.segmentOf(configuration, name, segments, event);
        }

        private static Exception asException(Throwable failure) {
            if (failure instanceof Error error) {
                throw error;
            }
            return (Exception) failure;
        }
    }
}
