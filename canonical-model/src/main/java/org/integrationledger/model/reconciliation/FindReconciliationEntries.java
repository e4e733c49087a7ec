package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.PageRequest;

/**
 * Lists documents with their position in every system. Selected by divergence, the oldest divergence comes first
 * (what has waited longest); otherwise the most recent business activity.
 */
public record FindReconciliationEntries(ReconciliationFilter filter, PageRequest page) {

    public FindReconciliationEntries {
        Checks.required(filter, "filter");
        Checks.required(page, "page");
    }
}
