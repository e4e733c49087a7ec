package org.integrationledger.model.accrual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The open lines of an accrual report that carry at least one variance reason, with totals per reason, legal
 * entity and currency (a line with two reasons counts under both). The totals are complete; {@code lines} is one
 * page, and {@code nextCursor} asks for the page after it (null on the last page).
 */
public record VarianceReport(LocalDate periodEnd, Instant periodEndsAt, Instant knownAt, List<VarianceTotal> totals,
                             List<AccrualLine> lines, String nextCursor) {

    public VarianceReport {
        totals = List.copyOf(totals);
        lines = List.copyOf(lines);
    }
}
