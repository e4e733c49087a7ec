package org.integrationledger.model.sla;

/** A rule's aggregate identifier names its type, as a document's stored key does ({@code DocumentKey}). */
public final class SlaRuleIds {

    public static final String PREFIX = "sla-rule:";

    private SlaRuleIds() {
    }

    public static String of(String ruleName) {
        return PREFIX + ruleName;
    }
}
