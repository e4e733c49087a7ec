package org.integrationledger.model.invoice;

import java.util.List;

/** One page of unconfirmed payments plus the total count, for paging clients. */
public record UnconfirmedPaymentPage(List<UnconfirmedPayment> items, int page, int size, long totalItems) {

    public UnconfirmedPaymentPage {
        items = List.copyOf(items);
    }
}
