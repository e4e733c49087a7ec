package org.integrationledger.model.invoice;

import java.util.List;

/** One page of invoice exceptions plus the total count of matches, for paging clients. */
public record InvoiceExceptionPage(List<InvoiceExceptionSummary> items, int page, int size, long totalItems) {

    public InvoiceExceptionPage {
        items = List.copyOf(items);
    }
}
