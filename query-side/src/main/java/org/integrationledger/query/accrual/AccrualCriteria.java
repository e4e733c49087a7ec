package org.integrationledger.query.accrual;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which facts a report reads: business time before {@code periodEndsAt} (the end of {@code periodEnd} in UTC; no
 * legal entity has a zone of its own in the configuration), recorded at or before {@code knownAt}, and optionally
 * one legal entity, order currency and supplier (null: all). {@code knownNow}: no knownAt was asked for, so
 * {@code knownAt} is the time of asking and every fact the projection holds is known (the totals then come from
 * the balances per business day alone).
 */
record AccrualCriteria(LocalDate periodEnd, Instant knownAt, String legalEntity, String currency, String supplierId,
                       boolean knownNow) {

    AccrualCriteria(LocalDate periodEnd, Instant knownAt, String legalEntity, String currency, String supplierId) {
        this(periodEnd, knownAt, legalEntity, currency, supplierId, false);
    }

    Instant periodEndsAt() {
        return periodEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    boolean includes(AccrualFact fact) {
        return fact.occurredAt().isBefore(periodEndsAt()) && !fact.recordedAt().isAfter(knownAt)
                && (legalEntity == null || legalEntity.equals(fact.legalEntity()))
                && (currency == null || currency.equals(fact.currency()))
                && (supplierId == null || supplierId.equals(fact.supplierId()));
    }

    /** Recorded after the period had ended: the fact was not known at the close. */
    boolean late(AccrualFact fact) {
        return !fact.recordedAt().isBefore(periodEndsAt());
    }
}
