package org.integrationledger.model.accrual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The GR/IR accrual at {@code periodEnd}: facts whose business time is before {@code periodEndsAt} (the end of
 * that day in UTC), as the ledger knew them at {@code knownAt} (facts recorded at or before it). {@code groups}
 * holds the complete totals per legal entity and currency; {@code lines} is one page of the open lines in order
 * and line number order, and {@code nextCursor} asks for the page after it (null on the last page).
 */
public record AccrualReport(LocalDate periodEnd, Instant periodEndsAt, Instant knownAt, List<AccrualGroup> groups,
                            List<AccrualLine> lines, String nextCursor) {

    public AccrualReport {
        groups = List.copyOf(groups);
        lines = List.copyOf(lines);
    }
}
