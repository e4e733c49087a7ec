package org.integrationledger.query.supplier;

import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.SupplierCopyStatus;
import org.integrationledger.model.supplier.SupplierState;
import org.integrationledger.model.supplier.SupplierSummary;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One supplier's golden record as the ledger knows it (a row of {@code supplier_view}), immutable, its state an enum;
 * bank data only masked and fingerprinted. Values are in the form the table stores them, so a rebuild spills and
 * writes it without converting.
 */
record SupplierViewState(String supplierId, SupplierState state, String legalName, String requestingLegalEntities,
                         String owner, String ownerVendorNumber, Integer goldenRecordVersion,
                         String bankAccountMasked, String bankAccountFingerprint, String pendingBankAccountMasked,
                         String pendingBankAccountProposedBy, String lastBankAccountApprovedBy, boolean blocked,
                         Instant lastBusinessTime, Instant lastRecordedAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A supplier no event has named yet: no state, no name. */
    static SupplierViewState initial(String supplierId) {
        return new SupplierViewState(supplierId, null, null, null, null, null, null, null, null, null, null, null,
                false, null, null);
    }

    SupplierViewState requested(String legalName, List<String> legalEntities, ProtectedBankAccount account) {
        return new SupplierViewState(supplierId, SupplierState.REQUESTED, legalName, String.join(",", legalEntities),
                owner, ownerVendorNumber, goldenRecordVersion, account.masked(), account.fingerprint(),
                pendingBankAccountMasked, pendingBankAccountProposedBy, lastBankAccountApprovedBy, blocked,
                lastBusinessTime, lastRecordedAt);
    }

    SupplierViewState state(SupplierState newState) {
        return new SupplierViewState(supplierId, newState, legalName, requestingLegalEntities, owner,
                ownerVendorNumber, goldenRecordVersion, bankAccountMasked, bankAccountFingerprint,
                pendingBankAccountMasked, pendingBankAccountProposedBy, lastBankAccountApprovedBy, blocked,
                lastBusinessTime, lastRecordedAt);
    }

    /** The golden record exists: version 1, owned by the system that keeps it. */
    SupplierViewState goldenRecordCreated(String newOwner, String vendorNumber, String name,
                                          ProtectedBankAccount account) {
        return new SupplierViewState(supplierId, SupplierState.ACTIVE, name, requestingLegalEntities, newOwner,
                vendorNumber, 1, account.masked(), account.fingerprint(), pendingBankAccountMasked,
                pendingBankAccountProposedBy, lastBankAccountApprovedBy, blocked, lastBusinessTime, lastRecordedAt);
    }

    SupplierViewState details(int version, String name) {
        return new SupplierViewState(supplierId, state, name, requestingLegalEntities, owner, ownerVendorNumber,
                version, bankAccountMasked, bankAccountFingerprint, pendingBankAccountMasked,
                pendingBankAccountProposedBy, lastBankAccountApprovedBy, blocked, lastBusinessTime, lastRecordedAt);
    }

    SupplierViewState bankAccountProposed(ProtectedBankAccount account, String proposedBy) {
        return new SupplierViewState(supplierId, state, legalName, requestingLegalEntities, owner, ownerVendorNumber,
                goldenRecordVersion, bankAccountMasked, bankAccountFingerprint, account.masked(), proposedBy,
                lastBankAccountApprovedBy, blocked, lastBusinessTime, lastRecordedAt);
    }

    /** The approved account replaces the old one and the proposal is settled. */
    SupplierViewState bankAccountApproved(int version, ProtectedBankAccount account, String approvedBy) {
        return new SupplierViewState(supplierId, state, legalName, requestingLegalEntities, owner, ownerVendorNumber,
                version, account.masked(), account.fingerprint(), null, null, approvedBy, blocked, lastBusinessTime,
                lastRecordedAt);
    }

    SupplierViewState blocked(int version, boolean isBlocked) {
        return new SupplierViewState(supplierId, state, legalName, requestingLegalEntities, owner, ownerVendorNumber,
                version, bankAccountMasked, bankAccountFingerprint, pendingBankAccountMasked,
                pendingBankAccountProposedBy, lastBankAccountApprovedBy, isBlocked, lastBusinessTime, lastRecordedAt);
    }

    /** One more event: business time only moves forward, recorded time is the event's. */
    SupplierViewState touched(Instant occurredAt, Instant recordedAt) {
        Instant business = lastBusinessTime == null || occurredAt.isAfter(lastBusinessTime)
                ? occurredAt : lastBusinessTime;
        return new SupplierViewState(supplierId, state, legalName, requestingLegalEntities, owner, ownerVendorNumber,
                goldenRecordVersion, bankAccountMasked, bankAccountFingerprint, pendingBankAccountMasked,
                pendingBankAccountProposedBy, lastBankAccountApprovedBy, blocked, business, recordedAt);
    }

    /** One row as text for the rebuild checksum; every column, nulls spelled out, so any difference shows. */
    String canonicalLine() {
        return String.join("|", supplierId, String.valueOf(state), legalName, requestingLegalEntities,
                String.valueOf(owner), String.valueOf(ownerVendorNumber), String.valueOf(goldenRecordVersion),
                bankAccountMasked, bankAccountFingerprint, String.valueOf(pendingBankAccountMasked),
                String.valueOf(pendingBankAccountProposedBy), String.valueOf(lastBankAccountApprovedBy),
                String.valueOf(blocked), String.valueOf(lastBusinessTime), String.valueOf(lastRecordedAt));
    }

    /** The contract's answer; each copy's reference is the vendor number the system knows the supplier by. */
    SupplierSummary toSummary(List<SupplierCopyStatus> copies) {
        Map<String, String> vendorNumbers = new LinkedHashMap<>();
        if (owner != null) {
            vendorNumbers.put(owner, ownerVendorNumber);
        }
        copies.stream().filter(copy -> copy.reference() != null)
                .forEach(copy -> vendorNumbers.put(copy.system().value(), copy.reference()));
        return new SupplierSummary(SupplierId.of(supplierId), state, legalName,
                owner == null ? null : SystemId.of(owner), goldenRecordVersion, vendorNumbers, bankAccountMasked,
                bankAccountFingerprint, pendingBankAccountMasked, pendingBankAccountProposedBy,
                lastBankAccountApprovedBy, blocked, Arrays.asList(requestingLegalEntities.split(",")), copies,
                lastBusinessTime, lastRecordedAt);
    }
}
