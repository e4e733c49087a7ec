package org.integrationledger.model.purchaseorder;

import java.util.List;

/** One page of purchase orders plus the total count of matches, for paging clients. */
public record PurchaseOrderPage(List<PurchaseOrderSummary> items, int page, int size, long totalItems) {

    public PurchaseOrderPage {
        items = List.copyOf(items);
    }
}
