package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A supplier as the ledger knows it: onboarding state, the owning system and golden-record version, the vendor
 * number in each system that acknowledged it, bank data only masked, any pending bank change, the block, and
 * each target system's copy.
 */
public record SupplierSummary(
        SupplierId supplierId,
        SupplierState state,
        String legalName,
        SystemId owner,
        Integer goldenRecordVersion,
        Map<String, String> vendorNumbers,
        String bankAccountMasked,
        String bankAccountFingerprint,
        String pendingBankAccountMasked,
        String pendingBankAccountProposedBy,
        String lastBankAccountApprovedBy,
        boolean blocked,
        List<String> requestingLegalEntities,
        List<SupplierCopyStatus> copies,
        Instant lastBusinessTime,
        Instant lastRecordedAt) {

    public SupplierSummary {
        // Sorted by system: Map.copyOf iterates in an order that changes from one JVM to the next, and the JSON
        // answer of the same supplier must not.
        vendorNumbers = Collections.unmodifiableMap(new TreeMap<>(vendorNumbers));
        requestingLegalEntities = List.copyOf(requestingLegalEntities);
        copies = List.copyOf(copies);
    }
}
