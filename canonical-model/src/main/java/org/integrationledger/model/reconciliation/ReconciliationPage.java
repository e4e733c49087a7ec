package org.integrationledger.model.reconciliation;

import java.util.List;

/**
 * One page of reconciliation rows. {@code totalItems} counts matches up to {@code ledger.query.total-count-limit}: the exact
 * count when {@code totalExact}, else that limit, meaning "at least this many". A list selected by divergence may
 * answer an exact total above the limit (from the counts the projection keeps).
 */
public record ReconciliationPage(List<ReconciliationEntry> items, int page, int size, long totalItems,
                                 boolean totalExact) {

    public ReconciliationPage {
        items = List.copyOf(items);
    }
}
