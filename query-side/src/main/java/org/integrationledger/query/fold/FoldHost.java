package org.integrationledger.query.fold;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.RebuildStates;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one {@link Fold} in each of its three settings, so a view's rules exist once:
 * <ul>
 *     <li>live ({@link #live}): the projection's event handler loads the document's state from its tables (once per
 *     batch), applies the event and saves the result, in the processor's batch transaction;</li>
 *     <li>rebuilt ({@link #newRebuild}): the whole store folded into {@link BoundedStates} (bounded heap, spilled to
 *     PostgreSQL beyond it) beside the live tables, which {@link RebuiltTables} then replace;</li>
 *     <li>as of a past instant ({@link #replay}): the events recorded up to it folded in memory, nothing written.</li>
 * </ul>
 *
 * @param <E> the sealed event family the fold reads
 * @param <S> one document's immutable state (serializable, because a rebuild spills it)
 */
public final class FoldHost<E, S extends Serializable> implements RebuildableProjection {

    private final String name;
    private final Fold<E, S> fold;
    private final LiveStates<S> live;
    private final RebuildStates rebuildStates;
    private final Supplier<RebuiltTables<S>> tables;
    private final Supplier<String> checksum;
    private final TransactionTemplate checksumTransaction;

    /**
     * @param name          the projection's processing group, which names its rebuild
     * @param tables        a fresh writer of the rebuilt tables for each rebuild
     * @param checksum      the canonical checksum of the stored rows (read in a read-only, repeatable-read
     *                      transaction, or in the caller's)
     */
    public FoldHost(String name, Fold<E, S> fold, LiveStates<S> live, RebuildStates rebuildStates,
                    Supplier<RebuiltTables<S>> tables, Supplier<String> checksum,
                    PlatformTransactionManager transactions) {
        this.name = name;
        this.fold = fold;
        this.live = live;
        this.rebuildStates = rebuildStates;
        this.tables = tables;
        this.checksum = checksum;
        this.checksumTransaction = new TransactionTemplate(transactions);
        // Repeatable read: a view of several tables is read from one snapshot while the live processor writes.
        this.checksumTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.checksumTransaction.setReadOnly(true);
    }

    /**
     * Applies one event to the stored state of its document; call it in the processor's transaction. The states a
     * batch (one transaction) has loaded or saved are kept for its later events, so a document with several events in
     * one batch is read from its tables once.
     */
    public void live(E event, Instant recordedAt) {
        live(event, Envelope.recordedAt(recordedAt));
    }

    /** As {@link #live(Object, Instant)}, for a fold that reads more of the recorded message than its time. */
    public void live(E event, EventMessage<?> message) {
        live(event, Envelope.of(message));
    }

    private void live(E event, Envelope envelope) {
        String key = fold.key(event, envelope);
        Map<String, S> batch = batchStates();
        S before = batch != null && batch.containsKey(key) ? batch.get(key) : live.load(key);
        S after = fold.apply(before == null ? fold.initial(key) : before, event, envelope);
        live.save(key, before, after);
        if (batch != null) {
            batch.put(key, after);
        }
    }

    /** This transaction's states by key, or null outside a transaction; forgotten when it completes. */
    @SuppressWarnings("unchecked")
    private Map<String, S> batchStates() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, S> states = (Map<String, S>) TransactionSynchronizationManager.getResource(this);
        if (states == null) {
            Map<String, S> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(FoldHost.this);
                }
            });
            states = fresh;
        }
        return states;
    }

    /** A fresh in-memory run of the fold, for the state as of a past instant. */
    public Replay<E, S> replay() {
        return new Replay<>(fold);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String checksum() {
        return checksumTransaction.execute(status -> checksum.get());
    }

    @Override
    public Rebuild newRebuild() {
        RebuiltTables<S> rebuilt = tables.get();
        if (!rebuilt.keepsStates()) {
            return appendingRebuild(rebuilt);
        }
        // Bounded: a large store's documents do not all fit in memory (docs/audit.md, "Memory of a rebuild").
        BoundedStates<S> states = rebuildStates.open(name + "/state");
        Function<String, S> initial = fold::initial;
        return new Rebuild() {
            @Override
            public void apply(EventMessage<?> message) {
                Object payload = message.getPayload();
                if (!fold.folds(payload)) {
                    return;
                }
                E event = fold.events().cast(payload);
                Envelope envelope = Envelope.of(message);
                String key = fold.key(event, envelope);
                S state = states.computeIfAbsent(key, initial);
                states.replace(key, fold.apply(state, event, envelope));
                states.evictIfFull();
            }

            @Override
            public void prepareSwitch() {
                rebuilt.prepareSwitch(states);
            }

            @Override
            public void replaceLive() {
                rebuilt.replaceLive(states);
            }

            @Override
            public void swapIn() {
                rebuilt.swapIn();
            }

            @Override
            public void cleanUp() {
                states.discard();
            }

            @Override
            public List<BoundedStates<?>> states() {
                return List.of(states);
            }
        };
    }

    /**
     * A rebuild of tables that take each state as it is made: every event's key is its own, so its state is folded
     * from the initial one and handed on, and nothing is kept.
     */
    private Rebuild appendingRebuild(RebuiltTables<S> rebuilt) {
        return new Rebuild() {
            @Override
            public void apply(EventMessage<?> message) {
                Object payload = message.getPayload();
                if (!fold.folds(payload)) {
                    return;
                }
                E event = fold.events().cast(payload);
                Envelope envelope = Envelope.of(message);
                rebuilt.append(fold.apply(fold.initial(fold.key(event, envelope)), event, envelope));
            }

            @Override
            public void prepareSwitch() {
                rebuilt.prepareSwitch(null);
            }

            @Override
            public void replaceLive() {
                rebuilt.replaceLive(null);
            }

            @Override
            public void swapIn() {
                rebuilt.swapIn();
            }
        };
    }
}
