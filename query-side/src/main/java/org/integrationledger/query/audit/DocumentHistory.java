package org.integrationledger.query.audit;

import java.util.List;

/**
 * One page of a document's history in sequence order, plus the total number of its events. {@code aggregateId} is
 * the business id; {@code documentType} ({@code purchase-order}, {@code invoice}, {@code supplier}, or null for
 * other aggregates such as SLA rules) says which document of that id it is.
 */
public record DocumentHistory(String aggregateId, String documentType, int page, int size, long totalEvents,
                              List<HistoryEntry> events) {

    public DocumentHistory {
        events = List.copyOf(events);
    }
}
