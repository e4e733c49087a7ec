package org.integrationledger.command.connector;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessTimeHorizonTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final BusinessTimeHorizon horizon = new BusinessTimeHorizon(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(5));

    @Test
    void acceptsAFactFromThePastAndOneWithinTheClocksSkew() {
        assertThatCode(() -> horizon.check(message(NOW.minus(Duration.ofDays(400))))).doesNotThrowAnyException();
        assertThatCode(() -> horizon.check(message(NOW))).doesNotThrowAnyException();
        assertThatCode(() -> horizon.check(message(NOW.plus(Duration.ofMinutes(5))))).doesNotThrowAnyException();
    }

    @Test
    void refusesAFactDatedBeyondTheSkew() {
        assertThatThrownBy(() -> horizon.check(message(NOW.plus(Duration.ofMinutes(5)).plusMillis(1))))
                .isInstanceOfSatisfying(RuleViolation.class, violation ->
                        assertThat(violation.rejection().code()).isEqualTo(ErrorCode.BUSINESS_TIME_IN_FUTURE));
        assertThatThrownBy(() -> horizon.check(message(NOW.plus(Duration.ofDays(30)))))
                .hasMessageContaining("2026-12-23T09:00:00Z");
    }

    @Test
    void aZeroSkewAllowsNothingAfterTheClock() {
        BusinessTimeHorizon strict = new BusinessTimeHorizon(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        assertThatCode(() -> strict.check(message(NOW))).doesNotThrowAnyException();
        assertThatThrownBy(() -> strict.check(message(NOW.plusMillis(1)))).isInstanceOf(RuleViolation.class);
    }

    private static ConnectorMessage message(Instant occurredAt) {
        return new ConnectorMessage() {
            @Override
            public MessageId messageId() {
                return new MessageId("m-1");
            }

            @Override
            public SystemId reportingSystem() {
                return new SystemId("PROCUREMENT");
            }

            @Override
            public Instant occurredAt() {
                return occurredAt;
            }
        };
    }
}
