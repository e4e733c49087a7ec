package org.integrationledger.app.throttling;

/** A principal has used up its requests for now; it may try again after {@code retryAfterSeconds}. */
public final class RateLimited extends RuntimeException {

    private final String principal;
    private final long retryAfterSeconds;

    RateLimited(String principal, long retryAfterSeconds) {
        // No stack trace: a flooding client raises this on every request, and where it came from is always known.
        super(principal + " is over its request limit", null, false, false);
        this.principal = principal;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String principal() {
        return principal;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
