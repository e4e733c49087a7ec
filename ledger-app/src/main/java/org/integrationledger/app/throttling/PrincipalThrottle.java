package org.integrationledger.app.throttling;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.util.concurrent.batch.BatchHelper;

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
        ConsumptionProbe probe = consume(principal);
        if (!probe.isConsumed()) {
            throw new RateLimited(principal, Math.max(1,
                    TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1)));
        }
    }

    /**
     * Bucket4j's request batching (part of the delaying optimization) fails every request of a batch that meets a
     * bucket not yet in the table, instead of creating it: the first concurrent requests of a principal on a fresh
     * database answered 500. So the bucket is created by one plain request before the batching proxy is used, and
     * again if its row has expired and been purged meanwhile.
     */
    private ConsumptionProbe consume(String principal) {
        BucketProxy proxy = proxies.computeIfAbsent(principal, this::proxyOf);
        for (int attempt = 1; ; attempt++) {
            try {
                return proxy.tryConsumeAndReturnRemaining(1);
            } catch (BatchHelper.BatchFailedException e) {
                if (!(e.getCause() instanceof BucketNotFoundException) || attempt == 3) {
                    throw e;
                }
                create(principal);
            }
        }
    }

    private BucketProxy proxyOf(String principal) {
        create(principal);
        RequestLimit limit = properties.limitOf(principal);
        BucketConfiguration configuration = configuration(limit);
        RemoteBucketBuilder<String> builder = buckets.builder();
        long unsynchronized = properties.sync().unsynchronizedRequests(limit);
        if (unsynchronized > 0) {
            builder = builder.withOptimization(Optimizations.delaying(
                    new DelayParameters(unsynchronized, properties.sync().maxUnsynchronizedTime())));
        }
        return builder.build(limit.bucketKey(principal), () -> configuration);
    }

    /** One unbatched request, which creates the bucket when its row is missing and takes nothing. */
    private void create(String principal) {
        RequestLimit limit = properties.limitOf(principal);
        BucketConfiguration configuration = configuration(limit);
        buckets.builder().build(limit.bucketKey(principal), () -> configuration).getAvailableTokens();
    }

    private static BucketConfiguration configuration(RequestLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
