package org.integrationledger.query.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.integrationledger.model.supplier.SupplierCopyStatus;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code supplier_copy_view}: one target system's copy of one supplier, as {@link SupplierCopyState} says. */
@Entity
@Table(name = "supplier_copy_view")
@IdClass(SupplierCopyView.Key.class)
class SupplierCopyView {

    @Id
    @Column(name = "supplier_id")
    private String supplierId;
    @Id
    @Column(name = "system_id")
    private String systemId;
    @Column(name = "region", nullable = false)
    private String region;
    @Column(name = "legal_name", nullable = false)
    private String legalName;
    @Column(name = "requested_version", nullable = false)
    private int requestedVersion;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "acknowledged_version")
    private Integer acknowledgedVersion;
    @Column(name = "reference")
    private String reference;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "pending_since")
    private Instant pendingSince;
    @Column(name = "failed_version")
    private Integer failedVersion;
    @Column(name = "last_failure")
    private String lastFailure;
    @Column(name = "last_failure_at")
    private Instant lastFailureAt;
    @Column(name = "stale_acknowledgments", nullable = false)
    private int staleAcknowledgments;
    @Column(name = "bank_account_matches")
    private Boolean bankAccountMatches;

    protected SupplierCopyView() {
    }

    SupplierCopyView(SupplierCopyState state) {
        this.supplierId = state.supplierId();
        this.systemId = state.systemId();
        write(state);
    }

    /** The row as the fold's state. */
    SupplierCopyState state() {
        return new SupplierCopyState(supplierId, systemId, region, legalName, requestedVersion, requestedAt,
                acknowledgedVersion, reference, acknowledgedAt, pendingSince, failedVersion, lastFailure,
                lastFailureAt, staleAcknowledgments, bankAccountMatches);
    }

    /** Takes the fold's new state; a managed row is then written when the processor's batch commits. */
    void write(SupplierCopyState copy) {
        region = copy.region();
        legalName = copy.legalName();
        requestedVersion = copy.requestedVersion();
        requestedAt = copy.requestedAt();
        acknowledgedVersion = copy.acknowledgedVersion();
        reference = copy.reference();
        acknowledgedAt = copy.acknowledgedAt();
        pendingSince = copy.pendingSince();
        failedVersion = copy.failedVersion();
        lastFailure = copy.lastFailure();
        lastFailureAt = copy.lastFailureAt();
        staleAcknowledgments = copy.staleAcknowledgments();
        bankAccountMatches = copy.bankAccountMatches();
    }

    SupplierCopyStatus toStatus() {
        return state().toStatus();
    }

    /** Composite key: one copy per supplier and system. */
    static class Key implements Serializable {

        private String supplierId;
        private String systemId;

        protected Key() {
        }

        Key(String supplierId, String systemId) {
            this.supplierId = supplierId;
            this.systemId = systemId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && supplierId.equals(key.supplierId) && systemId.equals(key.systemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(supplierId, systemId);
        }
    }
}
