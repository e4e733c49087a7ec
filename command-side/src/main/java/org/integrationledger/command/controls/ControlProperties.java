package org.integrationledger.command.controls;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Finance controls ({@code ledger.controls}): how long before a payment a change of the supplier's golden-record
 * bank account makes the payment one to review even when it goes to the new account (default 30 days).
 */
@ConfigurationProperties("ledger.controls")
public record ControlProperties(Duration bankChangeReviewWindow) {

    public ControlProperties {
        bankChangeReviewWindow = bankChangeReviewWindow == null ? Duration.ofDays(30) : bankChangeReviewWindow;
        if (bankChangeReviewWindow.isNegative()) {
            throw new IllegalArgumentException("ledger.controls.bank-change-review-window must not be negative");
        }
    }
}
