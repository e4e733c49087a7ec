package org.integrationledger.app.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append transaction that has drawn its global indexes and stays open until {@link #commit()}: readers see the
 * events after it as committed and its own indexes as a gap.
 */
public final class OpenAppend {

    private final CountDownLatch release;
    private final Future<?> transaction;

    private OpenAppend(CountDownLatch release, Future<?> transaction) {
        this.release = release;
        this.transaction = transaction;
    }

    /** Appends the events on the writer's thread, in a transaction that stays open until {@link #commit()}. */
    public static OpenAppend of(ExecutorService writer, PlatformTransactionManager transactions, EventStore store,
                                DomainEventMessage<?>... events) throws InterruptedException {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> transaction = writer.submit(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    store.publish(events);
                    appended.countDown();
                    awaitRelease(release);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        return new OpenAppend(release, transaction);
    }

    public void commit() throws Exception {
        release.countDown();
        transaction.get(30, TimeUnit.SECONDS);
    }

    public static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the open transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
