package org.integrationledger.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The event processors' metrics under Axon's dimensional names ({@code eventProcessor.latency},
 * {@code eventProcessor.capacity}, {@code eventProcessor.*Counter}, tag {@code eventProcessor}), with every
 * meter registered once. Axon's own monitors register (look up) their meters again for every event they see,
 * tagged by payload type; with seven processors that was about a fifth of the projections' CPU in the benchmark
 * profile (docs/benchmarks.md). The payload-type tag is the price: counts are per processor.
 */
final class ProcessorMonitor implements MessageMonitor<Message<?>> {

    static final String PREFIX = "eventProcessor";
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Clock clock;
    private final Counter ingested;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter ignored;
    private final Timer processing;
    private final AtomicLong latencyMillis = new AtomicLong();
    private final LongAdder busyNanos = new LongAdder();
    private volatile long windowStart = System.nanoTime();
    private volatile double capacity;

    ProcessorMonitor(String processor, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Tags tags = Tags.of(PREFIX, processor);
        ingested = Counter.builder(PREFIX + ".ingestedCounter").tags(tags).register(registry);
        succeeded = Counter.builder(PREFIX + ".successCounter").tags(tags).register(registry);
        failed = Counter.builder(PREFIX + ".failureCounter").tags(tags).register(registry);
        ignored = Counter.builder(PREFIX + ".ignoredCounter").tags(tags).register(registry);
        processing = Timer.builder(PREFIX + ".processingTime").tags(tags)
                .description("Time a handler of the processor spent on one event").register(registry);
        Gauge.builder(PREFIX + ".latency", latencyMillis, AtomicLong::get).tags(tags).baseUnit("milliseconds")
                .description("Age of the event the processor handled last, when it handled it").register(registry);
        Gauge.builder(PREFIX + ".capacity", this, ProcessorMonitor::capacity).tags(tags)
                .description("Share of the last minute the processor's threads spent handling events "
                        + "(1 = one thread busy all the time)").register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        long started = System.nanoTime();
        if (message instanceof EventMessage<?> event) {
            latencyMillis.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
        }
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                finish(started, succeeded);
            }

            @Override
            public void reportFailure(Throwable cause) {
                finish(started, failed);
            }

            @Override
            public void reportIgnored() {
                finish(started, ignored);
            }
        };
    }

    private void finish(long started, Counter outcome) {
        long now = System.nanoTime();
        outcome.increment();
        processing.record(now - started, TimeUnit.NANOSECONDS);
        busyNanos.add(now - started);
        rollWindow(now);
    }

    private double capacity() {
        rollWindow(System.nanoTime());
        return capacity;
    }

    /** Closes the one-minute window when it is over: capacity is the busy share of the last full window. */
    private void rollWindow(long now) {
        long start = windowStart;
        if (now - start >= WINDOW_NANOS) {
            synchronized (this) {
                if (windowStart == start) {
                    capacity = busyNanos.sumThenReset() / (double) (now - start);
                    windowStart = now;
                }
            }
        }
    }
}
