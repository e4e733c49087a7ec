package org.integrationledger.query.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.integrationledger.model.supplier.SupplierCopyStatus;
import org.integrationledger.model.supplier.SupplierState;
import org.integrationledger.model.supplier.SupplierSummary;

import java.time.Instant;
import java.util.List;

/** Row of {@code supplier_view}: one supplier's golden record as {@link SupplierFold} left it ({@link SupplierViewState}). */
@Entity
@Table(name = "supplier_view")
class SupplierView {

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

    SupplierView(SupplierViewState state) {
        this.supplierId = state.supplierId();
        write(state);
    }

    /** The row as the fold's state. */
    SupplierViewState state() {
        return new SupplierViewState(supplierId, state, legalName, requestingLegalEntities, owner, ownerVendorNumber,
                goldenRecordVersion, bankAccountMasked, bankAccountFingerprint, pendingBankAccountMasked,
                pendingBankAccountProposedBy, lastBankAccountApprovedBy, blocked, lastBusinessTime, lastRecordedAt);
    }

    /** Takes the fold's new state; a managed row is then written when the processor's batch commits. */
    void write(SupplierViewState row) {
        state = row.state();
        legalName = row.legalName();
        requestingLegalEntities = row.requestingLegalEntities();
        owner = row.owner();
        ownerVendorNumber = row.ownerVendorNumber();
        goldenRecordVersion = row.goldenRecordVersion();
        bankAccountMasked = row.bankAccountMasked();
        bankAccountFingerprint = row.bankAccountFingerprint();
        pendingBankAccountMasked = row.pendingBankAccountMasked();
        pendingBankAccountProposedBy = row.pendingBankAccountProposedBy();
        lastBankAccountApprovedBy = row.lastBankAccountApprovedBy();
        blocked = row.blocked();
        lastBusinessTime = row.lastBusinessTime();
        lastRecordedAt = row.lastRecordedAt();
    }

    SupplierSummary toSummary(List<SupplierCopyStatus> copies) {
        return state().toSummary(copies);
    }
}
