package org.integrationledger.model.sla;

import java.time.Instant;

/** Every fact about an SLA rule names the rule and when it took effect. */
public sealed interface SlaRuleEvent permits SlaRuleDefined, SlaRuleChanged, SlaRuleRetired {

    String ruleName();

    /** When the definition took effect (the start-up that brought it), not a source system's time. */
    Instant occurredAt();
}
