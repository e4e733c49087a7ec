package org.integrationledger.app.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Gives a processor back its query-free happy path once its dead-letter queue is empty again. Axon's
 * dead-lettering invoker asks the queue about every event's document unless the segment's cache began with an
 * empty queue; a parking (or a claim while something was parked) leaves the cache asking until the segment is
 * released. When {@link ParkedCounts} has seen the processor's queue emptied, this interceptor drops the cache of
 * the segment it runs on, on the segment's own worker thread, before the next event; the invoker then builds a new
 * one from the queue as it is.
 */
final class ParkedCacheReset implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final ParkedCounts counts;
    private final Supplier<EventProcessingConfiguration> processing;
    private final String segmentKey;
    private final Map<Integer, Long> resetAt = new ConcurrentHashMap<>();

    ParkedCacheReset(String processor, ParkedCounts counts, Supplier<EventProcessingConfiguration> processing) {
        this.processor = processor;
        this.counts = counts;
        this.processing = processing;
        this.segmentKey = "Processor[" + processor + "]/SegmentId";
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        long emptied = counts.emptiedGeneration(processor);
        if (emptied > 0 && unitOfWork.getResource(segmentKey) instanceof Integer segmentId
                && resetAt.getOrDefault(segmentId, 0L) < emptied) {
            resetAt.put(segmentId, emptied);
            EventProcessingConfiguration configuration = processing.get();
            configuration.eventProcessor(processor, StreamingEventProcessor.class)
                    .map(streaming -> streaming.processingStatus().get(segmentId))
                    .map(EventTrackerStatus::getSegment)
                    .ifPresent(segment -> configuration.sequencedDeadLetterProcessor(processor)
                            .filter(EventHandlerInvoker.class::isInstance)
                            .map(EventHandlerInvoker.class::cast)
                            .ifPresent(deadLettering -> deadLettering.segmentReleased(segment)));
        }
        return interceptorChain.proceed();
    }
}
