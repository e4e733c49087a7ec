package org.integrationledger.model.sla;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Retires a rule that is no longer configured; a no-op when it is already retired. */
public record RetireSlaRule(@TargetAggregateIdentifier String ruleId, String ruleName, Instant occurredAt) {

    public RetireSlaRule(String ruleName, Instant occurredAt) {
        this(SlaRuleIds.of(ruleName), ruleName, occurredAt);
    }
}
