package org.integrationledger.query.sla;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Values kept for one batch of the SLA clock processor. A batch is one unit of work and one transaction on the
 * processor's only thread, so a value kept here is exactly what the batch's transaction sees, and it is gone
 * with the batch. Outside a unit of work (a reset, a test) nothing is kept.
 */
final class BatchResources {

    private BatchResources() {
    }

    /** The batch's value for {@code key}, computed on first use. */
    static <T> T get(String key, Supplier<T> compute) {
        if (!CurrentUnitOfWork.isStarted()) {
            return compute.get();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(key, k -> compute.get());
    }

    /**
     * The batch's value for {@code key}, created on first use with {@code beforeCommit} registered to run on it
     * just before the batch commits (to write what the batch collected); null outside a unit of work.
     */
    static <T> T inBatch(String key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            T value = create.get();
            root.onPrepareCommit(u -> beforeCommit.accept(value));
            return value;
        });
    }

    /** True the first time it is asked for {@code key} in a batch (always true outside one). */
    static boolean firstInBatch(String key) {
        return !CurrentUnitOfWork.isStarted()
                || CurrentUnitOfWork.get().root().resources().putIfAbsent(key, Boolean.TRUE) == null;
    }

    static void forget(String key) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().remove(key);
        }
    }
}
