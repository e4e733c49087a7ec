package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Checks;

/** Counts open divergences by flag, region and system, for dashboards. */
public record CountDivergences(ReconciliationFilter filter) {

    public CountDivergences {
        Checks.required(filter, "filter");
    }
}
