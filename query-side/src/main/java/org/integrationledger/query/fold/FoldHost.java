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

    /**
     * Whether the fold takes this event: a projection refuses an event it cannot store (an unrepresentable value)
     * only if it would store it.
     */
    public boolean folds(Object payload) {
        return fold.folds(payload);
    }

    private void live(E event, Envelope envelope) {
        if (!fold.folds(event)) {
            return;
        }
        Batch<S> batch = batch();
        String key = keyOf(fold, event, envelope, via -> {
            String linked = batch == null ? null : batch.links.get(via);
            return linked != null ? linked : live.linked(via);
        });
        if (key == null) {
            return;
        }
        S before = batch != null && batch.states.containsKey(key) ? batch.states.get(key) : live.load(key);
        S after = fold.apply(before == null ? fold.initial(key) : before, event, envelope);
        live.save(key, before, after);
        if (batch != null) {
            batch.states.put(key, after);
            String via = fold.link(event);
            if (via != null) {
                batch.links.putIfAbsent(via, key);
            }
        }
    }

    /**
     * The key {@code event} is folded into: its own, or the one an earlier event linked the key it names its document
     * through to ({@link Fold#keyVia}), found by {@code linked}; null if no event linked that one yet.
     */
    static <E> String keyOf(Fold<E, ?> fold, E event, Envelope envelope, Function<String, String> linked) {
        String via = fold.keyVia(event);
        return via == null ? fold.key(event, envelope) : linked.apply(via);
    }

    /** This transaction's states and links by key, or null outside a transaction; forgotten when it completes. */
    @SuppressWarnings("unchecked")
    private Batch<S> batch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Batch<S> batch = (Batch<S>) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            Batch<S> fresh = new Batch<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(FoldHost.this);
                }
            });
            batch = fresh;
        }
        return batch;
    }

    /**
     * What one batch (transaction) has loaded, saved and linked: a document with several events in it is read from
     * its tables once, and a link made by one of its events is seen by the next before the rows are written.
     */
    private static final class Batch<S> {
        private final Map<String, S> states = new HashMap<>();
        private final Map<String, String> links = new HashMap<>();
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
        return new KeptStates(rebuilt);
    }

    /**
     * A rebuild that keeps every document's state until the switch, bounded: a large store's documents do not all fit
     * in memory (docs/audit.md, "Memory of a rebuild"). The links of a fold that links keys are kept the same way.
     */
    private final class KeptStates implements Rebuild {

        private final RebuiltTables<S> rebuilt;
        private final BoundedStates<S> states;
        /** Opened on the first link: most folds link nothing. */
        private BoundedStates<String> links;

        private KeptStates(RebuiltTables<S> rebuilt) {
            this.rebuilt = rebuilt;
            this.states = rebuildStates.open(name + "/state");
        }

        @Override
        public void apply(EventMessage<?> message) {
            Object payload = message.getPayload();
            if (!fold.folds(payload)) {
                return;
            }
            E event = fold.events().cast(payload);
            Envelope envelope = Envelope.of(message);
            String key = keyOf(fold, event, envelope, via -> links == null ? null : links.find(via));
            if (key == null) {
                return;
            }
            S state = states.computeIfAbsent(key, fold::initial);
            states.replace(key, fold.apply(state, event, envelope));
            String via = fold.link(event);
            if (via != null) {
                if (links == null) {
                    links = rebuildStates.open(name + "/links");
                }
                links.computeIfAbsent(via, first -> key);
                links.evictIfFull();
            }
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
            if (links != null) {
                links.discard();
            }
        }

        @Override
        public List<BoundedStates<?>> states() {
            return links == null ? List.of(states) : List.of(states, links);
        }
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
                if (fold.keyVia(event) != null) {
                    throw new IllegalStateException("tables that keep no states cannot fold an event by a link");
                }
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
