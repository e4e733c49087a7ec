package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * One target system's copy of a supplier: the version it was asked to hold against the one it acknowledged
 * (with its own reference), since when it is pending (null when up to date) and its last failure.
 */
public record SupplierCopyStatus(
        SupplierId supplierId,
        String legalName,
        SystemId system,
        String region,
        int requestedVersion,
        Integer acknowledgedVersion,
        String reference,
        Instant acknowledgedAt,
        Instant pendingSince,
        Integer failedVersion,
        String lastFailure,
        Instant lastFailureAt,
        int staleAcknowledgments,
        Boolean bankAccountMatchesGoldenRecord) {
}
