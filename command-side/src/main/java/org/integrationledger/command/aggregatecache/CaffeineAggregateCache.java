package org.integrationledger.command.aggregatecache;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's {@link Cache} over a size-bounded Caffeine cache. Axon 4.13 ships adapters for EhCache and JCache and a
 * weak-reference cache whose entries the collector takes as soon as a command is done; Caffeine gives a bound in
 * entries, least-recently-used eviction and hit / miss statistics without another cache provider. Entry listeners
 * are not supported: Axon's aggregate repositories do not register any.
 */
final class CaffeineAggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    CaffeineAggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    /** The Caffeine cache underneath, for its metrics. */
    com.github.benmanes.caffeine.cache.Cache<Object, Object> entries() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
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
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}
