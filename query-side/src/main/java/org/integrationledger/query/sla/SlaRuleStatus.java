package org.integrationledger.query.sla;

import org.integrationledger.model.sla.SlaRuleDefinition;

import java.time.Instant;

/** A recorded rule with its open clocks by state, for the SLA dashboard. */
public record SlaRuleStatus(SlaRuleDefinition definition, boolean active, int revision, Instant inForceSince,
                            long running, long atRisk, long breached) {
}
