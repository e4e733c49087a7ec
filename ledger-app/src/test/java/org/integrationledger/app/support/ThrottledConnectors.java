package org.integrationledger.app.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Connectors with small request limits of their own, configured in every integration test's ledger (so the throttling
 * tests share its context): one that floods, and one whose bucket a second ledger node shares.
 */
public final class ThrottledConnectors {

    public static final String FLOODING = "flooding-connector";
    public static final String FLOODING_KEY = "test-flooding-key";
    public static final int FLOODING_BURST = 10;
    public static final int FLOODING_PER_SECOND = 2;

    public static final String SHARED = "shared-bucket-connector";
    public static final String SHARED_KEY = "test-shared-bucket-key";
    public static final int SHARED_BURST = 30;
    public static final int SHARED_PER_SECOND = 1;

    private ThrottledConnectors() {
    }

    static void register(DynamicPropertyRegistry registry) {
        arguments().forEach(argument -> {
            String[] pair = argument.substring(2).split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        });
    }

    /** The same configuration as command-line arguments, for a second ledger node started by a test. */
    public static List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        connector(arguments, FLOODING, FLOODING_KEY, FLOODING_PER_SECOND, FLOODING_BURST);
        connector(arguments, SHARED, SHARED_KEY, SHARED_PER_SECOND, SHARED_BURST);
        return arguments;
    }

    private static void connector(List<String> arguments, String id, String key, int perSecond, int burst) {
        arguments.add("--ledger.security.connectors." + id + ".api-key-sha256=" + sha256(key));
        arguments.add("--ledger.security.connectors." + id + ".systems[0]=PROCUREMENT");
        arguments.add("--ledger.security.throttling.principals." + id + ".requests-per-second=" + perSecond);
        arguments.add("--ledger.security.throttling.principals." + id + ".burst=" + burst);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
