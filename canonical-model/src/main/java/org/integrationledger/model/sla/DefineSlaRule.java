package org.integrationledger.model.sla;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Puts a configured rule on the record; a no-op when the same definition is already in force. */
public record DefineSlaRule(@TargetAggregateIdentifier String ruleId, SlaRuleDefinition definition, Instant occurredAt) {

    public DefineSlaRule(SlaRuleDefinition definition, Instant occurredAt) {
        this(SlaRuleIds.of(definition.name()), definition, occurredAt);
    }
}
