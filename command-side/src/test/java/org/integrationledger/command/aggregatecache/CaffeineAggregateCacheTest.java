package org.integrationledger.command.aggregatecache;

import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter keeps Axon's cache contract: what Axon's repositories rely on when they put, read and drop. */
class CaffeineAggregateCacheTest {

    private final CaffeineAggregateCache cache = new CaffeineAggregateCache(100);

    @Test
    void dropsAnEntrySoTheNextReadMisses() {
        cache.put("PO-1", "state");
        assertThat(cache.<String, String>get("PO-1")).isEqualTo("state");

        assertThat(cache.remove("PO-1")).isTrue();
        assertThat(cache.remove("PO-1")).isFalse();
        assertThat(cache.<String, String>get("PO-1")).isNull();
        assertThat(cache.containsKey("PO-1")).isFalse();
    }

    @Test
    void putsIfAbsentOnlyOnce() {
        assertThat(cache.putIfAbsent("PO-1", "first")).isTrue();
        assertThat(cache.putIfAbsent("PO-1", "second")).isFalse();
        assertThat(cache.<String, String>get("PO-1")).isEqualTo("first");
    }

    @Test
    void computesOnlyAbsentValuesAndRefusesNull() {
        assertThat(cache.<String>computeIfAbsent("PO-1", () -> "computed")).isEqualTo("computed");
        assertThat(cache.<String>computeIfAbsent("PO-1", () -> "again")).isEqualTo("computed");
        assertThatThrownBy(() -> cache.computeIfAbsent("PO-2", () -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.containsKey("PO-2")).isFalse();

        cache.computeIfPresent("PO-1", (UnaryOperator<String>) value -> value + "+1");
        cache.computeIfPresent("PO-3", (UnaryOperator<String>) value -> value + "+1");
        assertThat(cache.<String, String>get("PO-1")).isEqualTo("computed+1");
        assertThat(cache.containsKey("PO-3")).isFalse();
    }

    @Test
    void keepsNoMoreThanItsBound() {
        CaffeineAggregateCache small = new CaffeineAggregateCache(10);
        for (int i = 0; i < 1_000; i++) {
            small.put("PO-" + i, i);
        }
        small.entries().cleanUp();
        assertThat(small.entries().estimatedSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void removesEverything() {
        cache.put("PO-1", "a");
        cache.put("PO-2", "b");
        cache.removeAll();
        assertThat(cache.containsKey("PO-1")).isFalse();
        assertThat(cache.containsKey("PO-2")).isFalse();
    }
}
