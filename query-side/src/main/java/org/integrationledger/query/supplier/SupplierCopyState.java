package org.integrationledger.query.supplier;

import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.SupplierCopyStatus;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * One target system's copy of one supplier (a row of {@code supplier_copy_view}), immutable. {@code pendingSince} is
 * set while the acknowledged version is behind the requested one and cleared when it catches up, so the
 * propagation-lag query reads one partial index.
 */
record SupplierCopyState(String supplierId, String systemId, String region, String legalName, int requestedVersion,
                         Instant requestedAt, Integer acknowledgedVersion, String reference, Instant acknowledgedAt,
                         Instant pendingSince, Integer failedVersion, String lastFailure, Instant lastFailureAt,
                         int staleAcknowledgments, Boolean bankAccountMatches) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A target seen for the first time, named after the supplier as it is now; nothing requested yet. */
    static SupplierCopyState first(String supplierId, String systemId, String region, String legalName) {
        return new SupplierCopyState(supplierId, systemId, region, legalName, 0, null, null, null, null, null, null,
                null, null, 0, null);
    }

    SupplierCopyState legalName(String name) {
        return new SupplierCopyState(supplierId, systemId, region, name, requestedVersion, requestedAt,
                acknowledgedVersion, reference, acknowledgedAt, pendingSince, failedVersion, lastFailure,
                lastFailureAt, staleAcknowledgments, bankAccountMatches);
    }

    /** Behind since the oldest version it has not acknowledged, not since the newest one. */
    SupplierCopyState requested(int version, Instant at) {
        if (version <= requestedVersion) {
            return this;
        }
        return new SupplierCopyState(supplierId, systemId, region, legalName, version, at, acknowledgedVersion,
                reference, acknowledgedAt, pendingSince == null ? at : pendingSince, failedVersion, lastFailure,
                lastFailureAt, staleAcknowledgments, bankAccountMatches);
    }

    /**
     * Caught up: nothing pending. Still behind a newer version: pending since that one was requested. An older
     * acknowledgment than the one held changes nothing; a failure of a version now acknowledged is history.
     */
    SupplierCopyState acknowledged(int version, String newReference, Instant at, Boolean matches) {
        if (acknowledgedVersion != null && version < acknowledgedVersion) {
            return this;
        }
        boolean failureSettled = failedVersion != null && version >= failedVersion;
        return new SupplierCopyState(supplierId, systemId, region, legalName, requestedVersion, requestedAt, version,
                newReference, at, version >= requestedVersion ? null : requestedAt,
                failureSettled ? null : failedVersion, failureSettled ? null : lastFailure,
                failureSettled ? null : lastFailureAt, staleAcknowledgments, matches);
    }

    /**
     * The system does hold the older version it acknowledged late: while it has acknowledged nothing newer, that is
     * its copy's position (still pending the current version); a newer acknowledgment stands. Either way it counts.
     * {@code matches} was compared with the current golden record, so it may be kept.
     */
    SupplierCopyState staleAcknowledgment(int version, String newReference, Instant at, Boolean matches) {
        SupplierCopyState counted = new SupplierCopyState(supplierId, systemId, region, legalName, requestedVersion,
                requestedAt, acknowledgedVersion, reference, acknowledgedAt, pendingSince, failedVersion,
                lastFailure, lastFailureAt, staleAcknowledgments + 1, bankAccountMatches);
        if (acknowledgedVersion == null || version > acknowledgedVersion) {
            return counted.acknowledged(version, newReference, at, matches);
        }
        return counted;
    }

    /** A failure of a version the system has since acknowledged is history, not its state. */
    SupplierCopyState failed(int version, String reason, Instant at) {
        if (acknowledgedVersion != null && version <= acknowledgedVersion) {
            return this;
        }
        return new SupplierCopyState(supplierId, systemId, region, legalName, requestedVersion, requestedAt,
                acknowledgedVersion, reference, acknowledgedAt, pendingSince, version, reason, at,
                staleAcknowledgments, bankAccountMatches);
    }

    /** One row as text for the rebuild checksum; every column, nulls spelled out, so any difference shows. */
    String canonicalLine() {
        return String.join("|", supplierId, systemId, region, legalName, String.valueOf(requestedVersion),
                String.valueOf(requestedAt), String.valueOf(acknowledgedVersion), String.valueOf(reference),
                String.valueOf(acknowledgedAt), String.valueOf(pendingSince), String.valueOf(failedVersion),
                String.valueOf(lastFailure), String.valueOf(lastFailureAt), String.valueOf(staleAcknowledgments),
                String.valueOf(bankAccountMatches));
    }

    SupplierCopyStatus toStatus() {
        return new SupplierCopyStatus(SupplierId.of(supplierId), legalName, SystemId.of(systemId), region,
                requestedVersion, acknowledgedVersion, reference, acknowledgedAt, pendingSince, failedVersion,
                lastFailure, lastFailureAt, staleAcknowledgments, bankAccountMatches);
    }
}
