package org.integrationledger.command.connector;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A connector reports what has happened in its system, so a message's business time ({@code occurredAt}) cannot lie
 * after the moment the ledger receives it, beyond the clocks' skew ({@code maxAhead}). A later time is a wrong clock
 * or a wrong field in the sending system: recorded, it would date an order's receipt next month and make every age,
 * SLA and as-of answer about it wrong, so it is refused and nothing is written. Dates that may lie ahead by their
 * nature (an invoice's due date, a payment's value date) are not business times and are not checked here.
 */
public final class BusinessTimeHorizon {

    private final Clock clock;
    private final Duration maxAhead;

    public BusinessTimeHorizon(Clock clock, Duration maxAhead) {
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    /** Throws {@code business-time-in-future} when the message's business time lies beyond the horizon. */
    public void check(ConnectorMessage message) {
        Instant horizon = clock.instant().plus(maxAhead);
        if (message.occurredAt() != null && message.occurredAt().isAfter(horizon)) {
            throw new RuleViolation(ErrorCode.BUSINESS_TIME_IN_FUTURE, "occurredAt " + message.occurredAt()
                    + " lies after the ledger's clock (" + clock.instant() + ") by more than the allowed skew of "
                    + maxAhead + "; a connector reports facts that have happened");
        }
    }
}
