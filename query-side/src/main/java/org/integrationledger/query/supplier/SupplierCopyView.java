package org.integrationledger.query.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.SupplierCopyStatus;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Row of {@code supplier_copy_view}: one target system's copy of one supplier. {@code pendingSince} is set
 * while the acknowledged version is behind the requested one and cleared when it catches up, so the
 * propagation-lag query reads one partial index.
 */
@Entity
@Table(name = "supplier_copy_view")
@IdClass(SupplierCopyView.Key.class)
class SupplierCopyView implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

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

    SupplierCopyView(String supplierId, String systemId, String region, String legalName) {
        this.supplierId = supplierId;
        this.systemId = systemId;
        this.region = region;
        this.legalName = legalName;
    }

    String supplierId() {
        return supplierId;
    }

    String systemId() {
        return systemId;
    }

    void legalName(String legalName) {
        this.legalName = legalName;
    }

    void requested(int version, Instant at) {
        if (version <= requestedVersion) {
            return;
        }
        requestedVersion = version;
        requestedAt = at;
        // Behind since the oldest version it has not acknowledged, not since the newest one.
        if (pendingSince == null) {
            pendingSince = at;
        }
    }

    void acknowledged(int version, String reference, Instant at, Boolean bankAccountMatches) {
        if (acknowledgedVersion != null && version < acknowledgedVersion) {
            return;
        }
        acknowledgedVersion = version;
        this.reference = reference;
        acknowledgedAt = at;
        this.bankAccountMatches = bankAccountMatches;
        // Caught up: nothing pending. Still behind a newer version: pending since that one was requested.
        pendingSince = version >= requestedVersion ? null : requestedAt;
        if (failedVersion != null && version >= failedVersion) {
            failedVersion = null;
            lastFailure = null;
            lastFailureAt = null;
        }
    }

    /**
     * The system does hold the older version it acknowledged late: while it has acknowledged nothing newer, that is
     * its copy's position (still pending the current version); a newer acknowledgment stands. Either way it counts.
     * {@code bankAccountMatches} was compared with the current golden record, so it may be kept.
     */
    void staleAcknowledgment(int version, String reference, Instant at, Boolean bankAccountMatches) {
        staleAcknowledgments++;
        if (acknowledgedVersion == null || version > acknowledgedVersion) {
            acknowledged(version, reference, at, bankAccountMatches);
        }
    }

    void failed(int version, String reason, Instant at) {
        if (acknowledgedVersion != null && version <= acknowledgedVersion) {
            return; // a failure of a version the system has since acknowledged is history, not its state
        }
        failedVersion = version;
        lastFailure = reason;
        lastFailureAt = at;
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
