package org.integrationledger.query.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

/** Row of {@code supplier_view}: one supplier's golden record as the ledger knows it, bank data only masked. */
@Entity
@Table(name = "supplier_view")
class SupplierView implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "supplier_id")
    private String supplierId;
    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private SupplierState state;
    @Column(name = "legal_name", nullable = false)
    private String legalName;
    @Column(name = "requesting_legal_entities", nullable = false)
    private String requestingLegalEntities;
    @Column(name = "owner")
    private String owner;
    @Column(name = "owner_vendor_number")
    private String ownerVendorNumber;
    @Column(name = "golden_record_version")
    private Integer goldenRecordVersion;
    @Column(name = "bank_account_masked", nullable = false)
    private String bankAccountMasked;
    @Column(name = "bank_account_fingerprint", nullable = false)
    private String bankAccountFingerprint;
    @Column(name = "pending_bank_account_masked")
    private String pendingBankAccountMasked;
    @Column(name = "pending_bank_account_proposed_by")
    private String pendingBankAccountProposedBy;
    @Column(name = "last_bank_account_approved_by")
    private String lastBankAccountApprovedBy;
    @Column(name = "blocked", nullable = false)
    private boolean blocked;
    @Column(name = "last_business_time", nullable = false)
    private Instant lastBusinessTime;
    @Column(name = "last_recorded_at", nullable = false)
    private Instant lastRecordedAt;

    protected SupplierView() {
    }

    SupplierView(String supplierId) {
        this.supplierId = supplierId;
    }

    String supplierId() {
        return supplierId;
    }

    String legalName() {
        return legalName;
    }

    void touched(Instant occurredAt, Instant recordedAt) {
        if (lastBusinessTime == null || occurredAt.isAfter(lastBusinessTime)) {
            lastBusinessTime = occurredAt;
        }
        lastRecordedAt = recordedAt;
    }

    void requested(String legalName, List<String> legalEntities, ProtectedBankAccount account) {
        this.state = SupplierState.REQUESTED;
        this.legalName = legalName;
        this.requestingLegalEntities = String.join(",", legalEntities);
        bankAccount(account);
    }

    void state(SupplierState state) {
        this.state = state;
    }

    void goldenRecordCreated(String owner, String vendorNumber, String legalName, ProtectedBankAccount account) {
        this.state = SupplierState.ACTIVE;
        this.owner = owner;
        this.ownerVendorNumber = vendorNumber;
        this.goldenRecordVersion = 1;
        this.legalName = legalName;
        bankAccount(account);
    }

    void version(int version) {
        this.goldenRecordVersion = version;
    }

    void legalName(String legalName) {
        this.legalName = legalName;
    }

    void bankAccountProposed(ProtectedBankAccount account, String proposedBy) {
        this.pendingBankAccountMasked = account.masked();
        this.pendingBankAccountProposedBy = proposedBy;
    }

    void bankAccountApproved(ProtectedBankAccount account, String approvedBy) {
        bankAccount(account);
        this.pendingBankAccountMasked = null;
        this.pendingBankAccountProposedBy = null;
        this.lastBankAccountApprovedBy = approvedBy;
    }

    void blocked(boolean blocked) {
        this.blocked = blocked;
    }

    private void bankAccount(ProtectedBankAccount account) {
        this.bankAccountMasked = account.masked();
        this.bankAccountFingerprint = account.fingerprint();
    }

    /** One row as text for the rebuild checksum; every column, nulls spelled out, so any difference shows. */
    String canonicalLine() {
        return String.join("|", supplierId, String.valueOf(state), legalName, requestingLegalEntities,
                String.valueOf(owner), String.valueOf(ownerVendorNumber), String.valueOf(goldenRecordVersion),
                bankAccountMasked, bankAccountFingerprint, String.valueOf(pendingBankAccountMasked),
                String.valueOf(pendingBankAccountProposedBy), String.valueOf(lastBankAccountApprovedBy),
                String.valueOf(blocked), String.valueOf(lastBusinessTime), String.valueOf(lastRecordedAt));
    }

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
