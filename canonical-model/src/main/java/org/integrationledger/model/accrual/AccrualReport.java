package org.integrationledger.model.accrual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The GR/IR accrual at {@code periodEnd}: facts whose business time is before {@code periodEndsAt} (the end of
 * that day in UTC), as the ledger knew them at {@code knownAt} (facts recorded at or before it).
 */
public record AccrualReport(LocalDate periodEnd, Instant periodEndsAt, Instant knownAt, List<AccrualGroup> groups) {

    public AccrualReport {
        groups = List.copyOf(groups);
    }
}
