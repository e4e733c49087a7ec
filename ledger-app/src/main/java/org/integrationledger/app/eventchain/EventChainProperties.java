package org.integrationledger.app.eventchain;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the event chain's checkpoints under {@code ledger.audit}.
 *
 * @param checkpointSecret   HMAC key of the checkpoints ({@code LEDGER_AUDIT_CHECKPOINT_SECRET}); the default is
 *                           a public development value and must be replaced wherever the data matters
 * @param checkpointInterval how often the scheduled job seals the final events since the last checkpoint
 * @param checkpointMaxEvents the most global indexes one checkpoint covers
 */
@ConfigurationProperties("ledger.audit")
public record EventChainProperties(String checkpointSecret, Duration checkpointInterval, int checkpointMaxEvents) {

    public static final String DEV_DEFAULT_SECRET = "dev-only-checkpoint-secret-replace-me";

    public EventChainProperties {
        if (checkpointSecret == null || checkpointSecret.isBlank()) {
            checkpointSecret = DEV_DEFAULT_SECRET;
        }
        if (checkpointInterval == null) {
            checkpointInterval = Duration.ofSeconds(30);
        }
        if (checkpointMaxEvents <= 0) {
            checkpointMaxEvents = 10_000;
        }
    }

    boolean usesDevDefaultSecret() {
        return DEV_DEFAULT_SECRET.equals(checkpointSecret);
    }
}
