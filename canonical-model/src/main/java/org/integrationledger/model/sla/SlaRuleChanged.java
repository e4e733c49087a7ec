package org.integrationledger.model.sla;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A rule's definition changed (e.g. its limit); the new one applies to the clocks still open, too. Revision 2: the
 * definitions have {@code startAlternatives}.
 */
@Revision("2")
public record SlaRuleChanged(String ruleName, SlaRuleDefinition definition, SlaRuleDefinition previous,
        Instant occurredAt) implements SlaRuleEvent {

    @Override
    public <R, A> R accept(SlaRuleEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
