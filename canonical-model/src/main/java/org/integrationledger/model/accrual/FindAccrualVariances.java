package org.integrationledger.model.accrual;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The open accrual lines that carry a variance reason, with complete totals per reason, one page of lines.
 * {@code knownAt} null: as known now. {@code legalEntity}, {@code currency}, {@code supplier} null: all.
 * {@code cursor}: the {@code nextCursor} of the page before (null: the first page); {@code size} lines at most.
 */
public record FindAccrualVariances(LocalDate periodEnd, Instant knownAt, LegalEntityId legalEntity,
                                   CurrencyCode currency, SupplierId supplier, String cursor, int size) {

    public FindAccrualVariances {
        Checks.required(periodEnd, "periodEnd");
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
    }
}
