package org.integrationledger.app.throttling;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Failed console sign-ins per user name ({@code ledger.security.throttling.sign-in}), in the same PostgreSQL buckets
 * as the API throttling, so every node counts the same failures. A name with no attempt left may not try at all, not
 * even with the right password, until its bucket refills: a password cannot be guessed faster than
 * {@code maxFailures} per {@code lockout}. Names are keyed by their SHA-256, so a long or odd name a stranger types
 * makes a key of fixed size.
 */
public class SignInThrottle {

    private static final String KEY_PREFIX = "console-sign-in:";

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    public SignInThrottle(ProxyManager<String> buckets, ThrottlingProperties.SignIn settings) {
        this.buckets = buckets;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(settings.maxFailures())
                        .refillGreedy(settings.maxFailures(), settings.lockout()))
                .build();
    }

    /** True when the name may try a password now. */
    public boolean mayTry(String userName) {
        return bucketOf(userName).getAvailableTokens() > 0;
    }

    /** Counts one failed attempt of the name. */
    public void failed(String userName) {
        bucketOf(userName).tryConsume(1);
    }

    private BucketProxy bucketOf(String userName) {
        return buckets.builder().build(key(userName), () -> configuration);
    }

    static String key(String userName) {
        String name = userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
