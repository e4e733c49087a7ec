package org.integrationledger.model.sla;

/** Aggregate identifiers share one namespace in the event store, so a rule's id is prefixed. */
public final class SlaRuleIds {

    public static final String PREFIX = "sla-rule:";

    private SlaRuleIds() {
    }

    public static String of(String ruleName) {
        return PREFIX + ruleName;
    }
}
