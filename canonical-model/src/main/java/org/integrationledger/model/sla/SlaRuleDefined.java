package org.integrationledger.model.sla;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A business SLA rule came into force. Revision 2: the definition has {@code startAlternatives}. */
@Revision("2")
public record SlaRuleDefined(String ruleName, SlaRuleDefinition definition, Instant occurredAt) implements SlaRuleEvent {

    @Override
    public <R, A> R accept(SlaRuleEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
