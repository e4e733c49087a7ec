package org.integrationledger.model.sla;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A rule left the configuration: no new clocks, and its open clocks are dropped. */
@Revision("1")
public record SlaRuleRetired(String ruleName, Instant occurredAt) implements SlaRuleEvent {

    @Override
    public <R, A> R accept(SlaRuleEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
