package org.integrationledger.app.throttling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Request limits per principal ({@code ledger.security.throttling}): a default for every principal, overrides by
 * principal name (a connector id of {@code ledger.security.connectors}), and how far a node may run ahead of the
 * shared bucket in PostgreSQL before it settles with it.
 */
@ConfigurationProperties("ledger.security.throttling")
public record ThrottlingProperties(
        @DefaultValue("true") boolean enabled,
        RequestLimit defaultLimit,
        Map<String, RequestLimit> principals,
        @DefaultValue Sync sync,
        @DefaultValue SignIn signIn) {

    /**
     * Without configuration: far above what one connector sends to a ledger on today's hardware (docs/security.md,
     * "Throttling"), so only a runaway client meets it.
     */
    static final RequestLimit GENEROUS = new RequestLimit(5_000, 10_000);

    public ThrottlingProperties {
        defaultLimit = defaultLimit == null ? GENEROUS : defaultLimit;
        principals = principals == null ? Map.of() : Map.copyOf(principals);
    }

    /** The limit of one principal: its override, else the default. */
    public RequestLimit limitOf(String principal) {
        return principals.getOrDefault(principal, defaultLimit);
    }

    /**
     * Failed console sign-ins per user name: after {@code maxFailures} the name may try again once per
     * {@code lockout} / {@code maxFailures} (a bucket refilling over {@code lockout}); while none is left, even the
     * right password is refused, so a password cannot be guessed at the speed of the network.
     */
    public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockout) {

        public SignIn {
            if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("ledger.security.throttling.sign-in needs max-failures >= 1 and a "
                        + "positive lockout, not " + maxFailures + " and " + lockout);
            }
        }
    }

    /**
     * A node admits up to {@code unsynchronizedShare} of a principal's burst (rounded down) on its own copy of the
     * bucket and settles with PostgreSQL after that many requests or {@code maxUnsynchronizedTime}, whichever comes
     * first. With a share of 0, or a burst too small for one request, every request goes to PostgreSQL.
     */
    public record Sync(@DefaultValue("0.01") double unsynchronizedShare,
                       @DefaultValue("PT0.1S") Duration maxUnsynchronizedTime) {

        public Sync {
            if (unsynchronizedShare < 0 || unsynchronizedShare > 0.5) {
                throw new IllegalArgumentException("ledger.security.throttling.sync.unsynchronized-share must be "
                        + "between 0 and 0.5, not " + unsynchronizedShare);
            }
        }

        /** The requests a node may admit on its own copy of a bucket with this limit before settling. */
        long unsynchronizedRequests(RequestLimit limit) {
            return (long) Math.floor(limit.burst() * unsynchronizedShare);
        }
    }
}
