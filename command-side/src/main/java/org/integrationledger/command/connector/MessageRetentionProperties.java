package org.integrationledger.command.connector;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a connector message id is remembered ({@code ledger.connectors}): a retry within
 * {@code messageRetention} gets the first outcome back; rows older than that are purged every
 * {@code purgeInterval}, {@code purgeBatchSize} rows per transaction.
 */
@ConfigurationProperties("ledger.connectors")
public record MessageRetentionProperties(Duration messageRetention, Integer purgeBatchSize, Duration purgeInterval) {

    public MessageRetentionProperties {
        messageRetention = messageRetention == null ? Duration.ofDays(90) : messageRetention;
        purgeBatchSize = purgeBatchSize == null ? 5_000 : purgeBatchSize;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("ledger.connectors.purge-batch-size must be at least 1");
        }
    }
}
