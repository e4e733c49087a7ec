package org.integrationledger.query.audit;

import java.util.List;

/** One page of a document's history in sequence order, plus the total number of its events. */
public record DocumentHistory(String aggregateId, int page, int size, long totalEvents, List<HistoryEntry> events) {

    public DocumentHistory {
        events = List.copyOf(events);
    }
}
