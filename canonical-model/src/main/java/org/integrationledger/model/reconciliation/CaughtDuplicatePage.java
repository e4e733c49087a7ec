package org.integrationledger.model.reconciliation;

import java.util.List;

/** One page of caught duplicates, newest first, plus the total count of matches. */
public record CaughtDuplicatePage(List<CaughtDuplicate> items, int page, int size, long totalItems) {

    public CaughtDuplicatePage {
        items = List.copyOf(items);
    }
}
