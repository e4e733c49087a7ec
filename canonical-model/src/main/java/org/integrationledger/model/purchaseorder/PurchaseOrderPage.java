package org.integrationledger.model.purchaseorder;

import java.util.List;

/**
 * One page of purchase orders. {@code totalItems} counts matches up to {@code ledger.query.total-count-limit}: the exact
 * count when {@code totalExact}, else that limit, meaning "at least this many".
 */
public record PurchaseOrderPage(List<PurchaseOrderSummary> items, int page, int size, long totalItems,
                                boolean totalExact) {

    public PurchaseOrderPage {
        items = List.copyOf(items);
    }
}
