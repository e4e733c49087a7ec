package org.integrationledger.command.connector;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How far ahead of the ledger's clock a message's business time may lie ({@code ledger.connectors.business-time}):
 * the reporting system's clock and the ledger's are never exactly alike, so a fact stamped a few minutes ahead is
 * skew, not a fact from the future.
 */
@ConfigurationProperties("ledger.connectors.business-time")
public record BusinessTimeProperties(Duration maxAhead) {

    public BusinessTimeProperties {
        maxAhead = maxAhead == null ? Duration.ofMinutes(5) : maxAhead;
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("ledger.connectors.business-time.max-ahead must not be negative");
        }
    }
}
