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

/** One system's side of a document, as the projection keeps it (table {@code reconciliation_system}). */
final class SystemRow implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    final String system;
    SystemRole role;
    PositionState state;
    /** The highest version the system acknowledged, null when it acknowledged none. */
    Integer version;
    /** The version the system is expected to hold (supplier propagation targets). */
    Integer expectedVersion;
    /** The version the system last refused, null when it refused none. */
    Integer rejectedVersion;
    String reference;
    BigDecimal amount;
    String currency;
    PositionStatus status;
    String region;
    /** Since when the system has been expected to acknowledge (first request of an unacknowledged version). */
    Instant pendingSince;
    boolean bankAccountMismatch;
    /** Treasury paid in another currency than the invoice's (a payment the invoice's total paid leaves out). */
    boolean paidInOtherCurrency;
    Instant businessTime;
    Instant recordedAt;

    SystemRow(String system) {
        this.system = system;
    }

    SystemRow copy() {
        SystemRow copy = new SystemRow(system);
        copy.role = role;
        copy.state = state;
        copy.version = version;
        copy.expectedVersion = expectedVersion;
        copy.rejectedVersion = rejectedVersion;
        copy.reference = reference;
        copy.amount = amount;
        copy.currency = currency;
        copy.status = status;
        copy.region = region;
        copy.pendingSince = pendingSince;
        copy.bankAccountMismatch = bankAccountMismatch;
        copy.paidInOtherCurrency = paidInOtherCurrency;
        copy.businessTime = businessTime;
        copy.recordedAt = recordedAt;
        return copy;
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
