package org.integrationledger.app.throttling;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Takes one request from a principal's bucket, or refuses it with the time until the next one is available. The
 * buckets live in PostgreSQL, so every node sharing the database draws from the same one.
 */
public class PrincipalThrottle {

    private final ProxyManager<String> buckets;
    private final ThrottlingProperties properties;
    /**
     * One proxy per principal, kept: a proxy with the delaying optimization holds this node's not yet settled
     * requests, and a new proxy per request would settle every time. The principals are configured connectors, so
     * the map stays as small as the configuration.
     */
    private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();

    public PrincipalThrottle(ProxyManager<String> buckets, ThrottlingProperties properties) {
        this.buckets = buckets;
        this.properties = properties;
    }

    /** Takes one request from the principal's bucket, or throws {@link RateLimited} and takes nothing. */
    public void acquire(String principal) {
        ConsumptionProbe probe = proxies.computeIfAbsent(principal, this::proxyOf).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimited(principal, Math.max(1,
                    TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1)));
        }
    }

    private BucketProxy proxyOf(String principal) {
        RequestLimit limit = properties.limitOf(principal);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
        RemoteBucketBuilder<String> builder = buckets.builder();
        long unsynchronized = properties.sync().unsynchronizedRequests(limit);
        if (unsynchronized > 0) {
            builder = builder.withOptimization(Optimizations.delaying(
                    new DelayParameters(unsynchronized, properties.sync().maxUnsynchronizedTime())));
        }
        return builder.build(limit.bucketKey(principal), () -> configuration);
    }
}
