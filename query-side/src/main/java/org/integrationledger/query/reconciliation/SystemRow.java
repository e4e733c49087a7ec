package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.SystemPosition;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One system's side of a document, as the projection keeps it (table {@code reconciliation_system}). Immutable: each
 * {@code with...} answers a new row.
 *
 * @param version         the highest version the system acknowledged, null when it acknowledged none
 * @param expectedVersion the version the system is expected to hold (supplier propagation targets)
 * @param rejectedVersion the version the system last refused, null when it refused none
 * @param paidInOtherCurrency treasury paid in another currency than the invoice's (a payment the invoice's total
 *                        paid leaves out)
 * @param pendingSince    since when the system has been expected to acknowledge (first request of an unacknowledged
 *                        version)
 */
record SystemRow(String system, SystemRole role, PositionState state, Integer version, Integer expectedVersion,
                 Integer rejectedVersion, String reference, BigDecimal amount, String currency, PositionStatus status,
                 String region, Instant pendingSince, boolean bankAccountMismatch, boolean paidInOtherCurrency,
                 Instant businessTime, Instant recordedAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 3L;

    /** A system the document has no row of yet. */
    SystemRow(String system) {
        this(system, null, null, null, null, null, null, null, null, null, null, null, false, false, null, null);
    }

    SystemRow withRole(SystemRole changed) {
        if (changed == role) {
            return this;
        }
        return new SystemRow(system, changed, state, version, expectedVersion, rejectedVersion, reference, amount,
                currency, status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withState(PositionState changed) {
        return new SystemRow(system, role, changed, version, expectedVersion, rejectedVersion, reference, amount,
                currency, status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withVersion(Integer changed) {
        return new SystemRow(system, role, state, changed, expectedVersion, rejectedVersion, reference, amount,
                currency, status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withExpectedVersion(Integer changed) {
        return new SystemRow(system, role, state, version, changed, rejectedVersion, reference, amount,
                currency, status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withRejectedVersion(Integer changed) {
        return new SystemRow(system, role, state, version, expectedVersion, changed, reference, amount,
                currency, status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withReference(String changed) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, changed, amount,
                currency, status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    /** The amount the system holds; null for none. */
    SystemRow withAmount(Money changed) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, reference,
                changed == null ? null : changed.amount(), changed == null ? null : changed.currency().value(),
                status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withStatus(PositionStatus changed) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, reference, amount,
                currency, changed, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withRegion(String changed) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, reference, amount,
                currency, status, changed, pendingSince, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withPendingSince(Instant changed) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, reference, amount,
                currency, status, region, changed, bankAccountMismatch, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withBankAccountMismatch(boolean changed) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, reference, amount,
                currency, status, region, pendingSince, changed, paidInOtherCurrency, businessTime, recordedAt);
    }

    SystemRow withPaidInOtherCurrency(boolean changed) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, reference, amount,
                currency, status, region, pendingSince, bankAccountMismatch, changed, businessTime, recordedAt);
    }

    /** The row as an event of this business time, recorded at that instant, left it. */
    SystemRow touched(Instant changedBusinessTime, Instant changedRecordedAt) {
        return new SystemRow(system, role, state, version, expectedVersion, rejectedVersion, reference, amount,
                currency, status, region, pendingSince, bankAccountMismatch, paidInOtherCurrency, changedBusinessTime,
                changedRecordedAt);
    }

    boolean holdsAVersion() {
        return version != null;
    }

    boolean refusedItsLatest() {
        return rejectedVersion != null && (version == null || rejectedVersion > version);
    }

    SystemPosition toPosition() {
        Money money = amount == null ? null : new Money(amount, CurrencyCode.of(currency));
        return new SystemPosition(SystemId.of(system), role, state, version, reference, money, status, businessTime,
                recordedAt);
    }

    /** Canonical text of the row, for the projection checksum. */
    String canonical() {
        return String.join("|", system, String.valueOf(role), String.valueOf(state), String.valueOf(version),
                String.valueOf(expectedVersion), String.valueOf(rejectedVersion), String.valueOf(reference),
                amount == null ? "null" : amount.stripTrailingZeros().toPlainString(), String.valueOf(currency),
                String.valueOf(status), String.valueOf(region), String.valueOf(pendingSince),
                String.valueOf(bankAccountMismatch), String.valueOf(businessTime), String.valueOf(recordedAt))
                // Left out while false, so the checksum of every row that never had such a payment is unchanged.
                + (paidInOtherCurrency ? "|paidInOtherCurrency" : "");
    }
}
