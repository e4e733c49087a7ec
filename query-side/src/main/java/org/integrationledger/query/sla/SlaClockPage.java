package org.integrationledger.query.sla;

import java.util.List;

/**
 * A page of SLA clocks. {@code total} counts the matches up to {@code ledger.query.total-count-limit}; beyond it
 * {@code total} is that limit and {@code totalExact} is false ("more than total").
 */
public record SlaClockPage(List<SlaClock> items, int page, int size, long total, boolean totalExact) {
}
