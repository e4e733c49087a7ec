package org.integrationledger.command.aggregatecache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's {@link Cache} over a size-bounded Caffeine cache, which shares only committed states. Axon 4.13 ships
 * adapters for EhCache and JCache and a weak-reference cache whose entries the collector takes as soon as a command
 * is done; Caffeine gives a bound in entries, least-recently-used eviction and hit / miss statistics without another
 * cache provider. Entry listeners are not supported: Axon's aggregate repositories do not register any.
 *
 * <p>Inside a database transaction an aggregate read from the cache is taken out of it, and what the transaction
 * saves or drops is kept aside; the cache receives it only when the transaction commits, and loses the
 * transaction's keys when it rolls back. Axon's own rule (put on save, remove on rollback) is safe while the
 * aggregate's lock outlives the transaction, as it does for a command in its own transaction. Under group commit
 * (one transaction for many commands, a savepoint each) the lock is released when a command is done but its events
 * commit later, with the batch: another command must neither decide on that uncommitted state nor share the
 * aggregate object the transaction is changing, and a state must not stay cached when the batch rolls back.
 */
final class CaffeineAggregateCache implements Cache {

    private static final Object DROPPED = new Object();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();

    CaffeineAggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).recordStats(() -> stats).build();
    }

    /** The Caffeine cache underneath, for its metrics. */
    com.github.benmanes.caffeine.cache.Cache<Object, Object> entries() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Pending pending = pending();
        if (pending == null) {
            return (V) entries.getIfPresent(key);
        }
        if (pending.changes.containsKey(key)) {
            Object value = pending.changes.get(key);
            return value == DROPPED ? null : (V) value;
        }
        // Taken out, so no other transaction decides on the aggregate object while this one may change it.
        Object value = entries.asMap().remove(key);
        if (value == null) {
            stats.recordMisses(1);
        } else {
            stats.recordHits(1);
            pending.changes.put(key, value);
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Pending pending = pending();
        if (pending == null) {
            entries.put(key, value);
        } else {
            pending.changes.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> {
            T value = valueSupplier.get();
            if (value == null) {
                throw new IllegalArgumentException("the value supplier produced null for key " + key);
            }
            return value;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        Pending pending = pending();
        if (pending == null) {
            return entries.asMap().remove(key) != null;
        }
        Object previous = pending.changes.put(key, DROPPED);
        return entries.asMap().remove(key) != null || (previous != null && previous != DROPPED);
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        Pending pending = pending();
        if (pending != null && pending.changes.containsKey(key)) {
            return pending.changes.get(key) != DROPPED;
        }
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }

    /** This thread's transaction's changes to the cache, or null outside a transaction. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** What one transaction saved ({@code DROPPED}: removed) and took out, applied when it ends. */
    private final class Pending implements TransactionSynchronization {

        private final Map<Object, Object> changes = new LinkedHashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(CaffeineAggregateCache.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(CaffeineAggregateCache.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaffeineAggregateCache.this);
            changes.forEach((key, value) -> {
                if (status == STATUS_COMMITTED && value != DROPPED) {
                    entries.put(key, value);
                } else {
                    entries.invalidate(key);
                }
            });
        }
    }
}
