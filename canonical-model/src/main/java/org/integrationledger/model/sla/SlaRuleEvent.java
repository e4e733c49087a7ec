package org.integrationledger.model.sla;

import java.time.Instant;

/** Every fact about an SLA rule names the rule and when it took effect. */
public sealed interface SlaRuleEvent permits SlaRuleDefined, SlaRuleChanged, SlaRuleRetired {

    String ruleName();

    /** When the definition took effect (the start-up that brought it), not a source system's time. */
    Instant occurredAt();

    /**
     * Answers what {@code visitor} makes of this event, given {@code argument} (a fold passes the state it folds
     * into). Every event record calls its own {@code on}, so dispatch needs no type test.
     */
    <R, A> R accept(Visitor<R, A> visitor, A argument);

    /**
     * One method per event of the family, none with a default: adding an event to the family fails compilation of
     * every visitor (every read model) until it says what the new event does, even if that is nothing.
     *
     * @param <R> what the visitor answers (a fold: the new state)
     * @param <A> what it is given beside the event (a fold: the state before)
     */
    interface Visitor<R, A> {

        R on(SlaRuleDefined event, A argument);

        R on(SlaRuleChanged event, A argument);

        R on(SlaRuleRetired event, A argument);
    }
}
