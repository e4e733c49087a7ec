package org.integrationledger.app.throttling;

/**
 * How fast one principal may call: {@code requestsPerSecond} on average, and up to {@code burst} at once after a
 * quiet spell (a token bucket of that capacity, refilled greedily at that rate).
 */
public record RequestLimit(long requestsPerSecond, long burst) {

    public RequestLimit {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a request limit needs requests-per-second and burst of at least 1, not "
                    + requestsPerSecond + " and " + burst);
        }
    }

    /**
     * The bucket's key for a principal: the limit is part of it, so a changed limit starts a fresh bucket (the old
     * row expires) instead of meeting a stored bucket that still carries the old configuration.
     */
    String bucketKey(String principal) {
        return principal + "@" + requestsPerSecond + "/s+" + burst;
    }
}
