package org.integrationledger.model.sla;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A business SLA rule came into force. */
@Revision("1")
public record SlaRuleDefined(String ruleName, SlaRuleDefinition definition, Instant occurredAt) implements SlaRuleEvent {
}
