package org.integrationledger.query.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the query side evaluates and notifies SLAs ({@code ledger.sla}); the rules themselves come from the event
 * store (SlaRuleDefined), so this process needs none of them.
 *
 * @param regions region of each system a clock waits for; unlisted systems are GLOBAL
 */
@ConfigurationProperties("ledger.sla")
public record SlaSettings(Evaluation evaluation, Webhook webhook, Map<String, String> regions) {

    public static final String DEFAULT_REGION = "GLOBAL";

    public SlaSettings {
        evaluation = evaluation == null ? new Evaluation(null) : evaluation;
        webhook = webhook == null ? new Webhook(null, null, null, null, null, null, null) : webhook;
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    String regionOf(String system) {
        return system == null ? null : regions.getOrDefault(system, DEFAULT_REGION);
    }

    /** @param interval how often open clocks are checked against the clock (default 5 s) */
    public record Evaluation(Duration interval) {
        public Evaluation {
            interval = interval == null ? Duration.ofSeconds(5) : interval;
        }
    }

    /**
     * The outbound breach webhook; off while {@code url} is unset (breaches then wait in the outbox as PENDING).
     *
     * @param maxAttempts    attempts before a notification is marked FAILED
     * @param initialBackoff wait after the first failure, doubled after each further one
     * @param rules          the rules whose breaches this webhook publishes; empty means all
     */
    public record Webhook(URI url, Integer maxAttempts, Duration initialBackoff, Duration maxBackoff,
                          Duration timeout, Duration pollInterval, List<String> rules) {
        public Webhook {
            rules = rules == null ? List.of() : List.copyOf(rules);
            maxAttempts = maxAttempts == null ? 8 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        }

        boolean enabled() {
            return url != null && !url.toString().isBlank();
        }

        Duration backoffAfter(int attempts) {
            Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
            return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        }
    }
}
