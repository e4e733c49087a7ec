package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.PageRequest;

/**
 * Lists documents with their position in every system. Selected by divergence, the list runs by each document's
 * oldest matching divergence (oldest first unless {@code order} says otherwise: what has waited longest); otherwise
 * by the most recent business activity (newest first unless {@code order} says otherwise).
 */
public record FindReconciliationEntries(ReconciliationFilter filter, PageRequest page, AgeOrder order) {

    public FindReconciliationEntries {
        Checks.required(filter, "filter");
        Checks.required(page, "page");
        Checks.required(order, "order");
    }

    /** The list in its default order ({@link AgeOrder#defaultFor}). */
    public FindReconciliationEntries(ReconciliationFilter filter, PageRequest page) {
        this(filter, page, filter == null ? AgeOrder.OLDEST_FIRST : AgeOrder.defaultFor(filter));
    }
}
