package org.integrationledger.command.aggregatecache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One cache per aggregate type, named in each {@code @Aggregate(cache = ...)}: identifiers are unique within a
 * type only, so a shared cache could hand a purchase order to the invoice repository.
 *
 * <p>Why it is safe: Axon puts an aggregate in its cache when the command's unit of work saves it and removes it
 * when the unit of work rolls back, and {@link CaffeineAggregateCache} shares a state only once its transaction has
 * committed, so the cache never holds a state the event store does not. A state that another command process has
 * moved past makes the next append collide, and the command is decided again on the stored history
 * (docs/architecture.md, "Aggregate cache").
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    static final String METRIC_NAME = "ledger.aggregate.cache";

    private final long size;
    private final ObjectProvider<MeterRegistry> meters;

    AggregateCacheConfiguration(@Value("${ledger.command.aggregate-cache-size:2000}") long size,
                                ObjectProvider<MeterRegistry> meters) {
        if (size < 0) {
            throw new IllegalArgumentException("ledger.command.aggregate-cache-size must be 0 (off) or more, was " + size);
        }
        this.size = size;
        this.meters = meters;
    }

    @Bean
    Cache purchaseOrderCache() {
        return cache("PurchaseOrder");
    }

    @Bean
    Cache invoiceCache() {
        return cache("Invoice");
    }

    @Bean
    Cache supplierCache() {
        return cache("Supplier");
    }

    private Cache cache(String aggregateType) {
        if (size == 0) {
            return NoCache.INSTANCE;
        }
        CaffeineAggregateCache cache = new CaffeineAggregateCache(size);
        // cache.gets{result=hit|miss}, cache.size, cache.evictions under the name, tagged with the aggregate type.
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache.entries(), METRIC_NAME,
                "aggregate", aggregateType));
        return cache;
    }
}
