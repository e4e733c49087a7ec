package org.integrationledger.model.reconciliation;

import java.util.List;

/** One page of reconciliation rows plus the total count of matches. */
public record ReconciliationPage(List<ReconciliationEntry> items, int page, int size, long totalItems) {

    public ReconciliationPage {
        items = List.copyOf(items);
    }
}
