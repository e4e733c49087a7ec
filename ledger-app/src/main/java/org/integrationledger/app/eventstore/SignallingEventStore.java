package org.integrationledger.app.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.lifecycle.Lifecycle.LifecycleRegistry;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nonnull;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store whose streams tell their reader when new events have arrived.
 *
 * <p>A pooled streaming processor that has caught up asks its stream for an availability callback; Axon's
 * {@code EmbeddedEventStore} streams do not offer one, so the processor's coordinator re-polls every 500 ms
 * and every projection lags by up to half a second whatever the load (docs/benchmarks.md measured a p50 of
 * 458 ms). Here one watcher thread follows the head of the store's own event cache: the store's producer wakes
 * it the moment it has fetched new events (at once after a local commit, within the fetch delay for events
 * another process appended), and the watcher runs every registered callback, which schedules the coordinators
 * immediately. The watcher only counts events already in the shared cache; it reads nothing from the database.
 */
public class SignallingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(SignallingEventStore.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;
    private volatile boolean running;

    public SignallingEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new SignallingStream(super.openStream(trackingToken));
    }

    @Override
    public void registerLifecycleHandlers(@Nonnull LifecycleRegistry handle) {
        super.registerLifecycleHandlers(handle);
        // Before the event processors start (INBOUND_EVENT_CONNECTORS), so their first wait is already covered.
        handle.onStart(Phase.INBOUND_EVENT_CONNECTORS - 10, this::startWatcher);
        handle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 5, this::stopWatcher);
    }

    /** How many callbacks open streams have registered (for tests and diagnostics). */
    int registeredCallbacks() {
        return callbacks.size();
    }

    boolean isRegistered(Runnable callback) {
        return callbacks.contains(callback);
    }

    synchronized void startWatcher() {
        if (running) {
            return;
        }
        running = true;
        watcher = new Thread(this::watch, "event-arrival-signal");
        watcher.setDaemon(true);
        watcher.start();
    }

    synchronized void stopWatcher() {
        running = false;
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
        watcher = null;
    }

    private void watch() {
        while (running) {
            // The head token waits until every index below it is final, so the watcher never starts past an
            // event still being committed; it opens the store's own stream, not a signalling one.
            try (TrackingEventStream head = super.openStream(createHeadToken())) {
                while (running) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callbacks.forEach(SignallingEventStore::runQuietly);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // Processors still poll (every 5 s at worst), so a failing watcher costs latency, never events.
                log.warn("Event arrival watcher failed; restarting it in one second", e);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("An event availability callback failed", e);
        }
    }

    /** The store's stream, plus the availability callback Axon's pooled processors ask for. */
    private final class SignallingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private SignallingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = newCallback;
            callbacks.add(newCallback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
