package org.integrationledger.model.supplier;

import java.util.List;

/** One page of supplier copies plus the total count of matches, for paging clients. */
public record SupplierCopyPage(List<SupplierCopyStatus> items, int page, int size, long totalItems) {

    public SupplierCopyPage {
        items = List.copyOf(items);
    }
}
