package org.integrationledger.model.accrual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The open lines of an accrual report that carry at least one variance reason, with totals per reason, legal
 * entity and currency (a line with two reasons counts under both).
 */
public record VarianceReport(LocalDate periodEnd, Instant periodEndsAt, Instant knownAt, List<VarianceTotal> totals,
                             List<AccrualLine> lines) {

    public VarianceReport {
        totals = List.copyOf(totals);
        lines = List.copyOf(lines);
    }
}
