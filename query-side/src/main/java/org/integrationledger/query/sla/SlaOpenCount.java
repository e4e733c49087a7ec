package org.integrationledger.query.sla;

/** How many open clocks of a rule and region are in a state (for the metrics). */
public record SlaOpenCount(String rule, String region, SlaClockState state, long count) {
}
