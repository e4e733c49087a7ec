package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the reconciliation view for suppliers: the golden-record owner is the source of each version, and every
 * propagation target must acknowledge the version it was sent, holding the golden record's bank account.
 */
final class SupplierReconciliation {

    private SupplierReconciliation() {
    }

    static void apply(DocumentState supplier, SupplierEvent event, Instant recordedAt) {
        supplier.touched(event.occurredAt(), recordedAt);
        supplier.supplierId = supplier.id;
        String system = event.reportingSystem().value();
        if (event instanceof SupplierRequested requested) {
            supplier.status = DocumentStatus.REQUESTED;
            supplier.sourceSystem = system;
            if (!requested.requestingLegalEntities().isEmpty()) {
                supplier.legalEntity = requested.requestingLegalEntities().get(0).value();
            }
            SystemRow requester = row(supplier, system, event, recordedAt);
            if (requester.role == null) {
                requester.role = SystemRole.REQUESTER;
            }
            requester.state = PositionState.REQUESTED;
        } else if (event instanceof SupplierRequestApproved) {
            supplier.status = DocumentStatus.APPROVED;
        } else if (event instanceof SupplierRequestRejected) {
            supplier.status = DocumentStatus.REJECTED;
        } else if (event instanceof GoldenRecordCreated created) {
            supplier.sourceKnown = true;
            supplier.status = DocumentStatus.ACTIVE;
            supplier.sourceSystem = created.owner().value();
            supplier.businessKey = created.vendorNumber();
            version(supplier, created.version(), created.owner().value(), event, recordedAt).reference =
                    created.vendorNumber();
        } else if (event instanceof SupplierDetailsChanged changed) {
            version(supplier, changed.version(), system, event, recordedAt);
        } else if (event instanceof BankAccountChangeApproved approved) {
            version(supplier, approved.version(), system, event, recordedAt);
        } else if (event instanceof SupplierBlocked blocked) {
            supplier.status = DocumentStatus.BLOCKED;
            version(supplier, blocked.version(), system, event, recordedAt);
        } else if (event instanceof SupplierUnblocked unblocked) {
            supplier.status = DocumentStatus.ACTIVE;
            version(supplier, unblocked.version(), system, event, recordedAt);
        } else if (event instanceof SupplierVersionPropagationRequested requested) {
            for (PropagationTarget target : requested.targets()) {
                SystemRow row = supplier.system(target.system().value());
                row.role = SystemRole.TARGET;
                row.region = target.region();
                row.expectedVersion = Math.max(row.expectedVersion == null ? 0 : row.expectedVersion,
                        requested.version());
                if (row.version == null || row.version < row.expectedVersion) {
                    row.pendingSince = row.pendingSince == null ? requested.occurredAt() : row.pendingSince;
                    row.state = row.version == null ? PositionState.PENDING : row.state;
                }
            }
        } else if (event instanceof SupplierCopyAcknowledged acknowledged) {
            if (isOwner(supplier, system)) {
                return; // the owner holds every version by definition; its own copy says nothing more
            }
            SystemRow row = copyHolder(supplier, system, event, recordedAt);
            row.state = PositionState.ACKNOWLEDGED;
            row.version = row.version == null ? acknowledged.version() : Math.max(row.version, acknowledged.version());
            row.reference = acknowledged.reference();
            if (acknowledged.bankAccountMatchesGoldenRecord() != null) {
                row.bankAccountMismatch = !acknowledged.bankAccountMatchesGoldenRecord();
            }
            if (row.expectedVersion == null || row.version >= row.expectedVersion) {
                row.pendingSince = null;
            }
        } else if (event instanceof StaleSupplierAcknowledgmentRecorded stale) {
            if (isOwner(supplier, system)) {
                return;
            }
            SystemRow known = supplier.systems.get(system);
            // The system does hold the older version: while it holds nothing newer that is its copy, labelled STALE.
            if (known == null || known.version == null || known.version < stale.version()) {
                SystemRow row = copyHolder(supplier, system, event, recordedAt);
                row.state = PositionState.STALE;
                row.version = stale.version();
                row.reference = stale.reference();
                if (stale.bankAccountMatchesGoldenRecord() != null) {
                    row.bankAccountMismatch = !stale.bankAccountMatchesGoldenRecord();
                }
                if (row.expectedVersion == null || row.version >= row.expectedVersion) {
                    row.pendingSince = null;
                }
            }
        } else if (event instanceof SupplierPropagationFailed failed) {
            if (isOwner(supplier, system)) {
                return;
            }
            SystemRow row = copyHolder(supplier, system, event, recordedAt);
            row.state = PositionState.FAILED;
            row.rejectedVersion = failed.version();
        }
    }

    static List<OpenDivergence> divergences(DocumentState supplier) {
        List<OpenDivergence> open = new ArrayList<>();
        for (SystemRow row : supplier.systems.values()) {
            if (row.role == SystemRole.OTHER) {
                open.add(new OpenDivergence(Divergence.WRONG_SYSTEM, row.system, row.region == null ? supplier.region
                        : row.region, row.businessTime, row.system + " reported on a copy of the supplier, which was "
                        + "never propagated to it"));
                continue;
            }
            if (row.role != SystemRole.TARGET || row.expectedVersion == null) {
                continue;
            }
            String region = row.region == null ? supplier.region : row.region;
            if (!row.holdsAVersion()) {
                open.add(new OpenDivergence(Divergence.NOT_ACKNOWLEDGED, row.system, region, row.pendingSince,
                        row.system + " has acknowledged no version; version " + row.expectedVersion + " was sent"));
            } else if (row.version < row.expectedVersion) {
                open.add(new OpenDivergence(Divergence.VERSION_BEHIND, row.system, region, row.pendingSince,
                        row.system + " holds version " + row.version + " of " + row.expectedVersion
                        + (row.state == PositionState.STALE ? " (acknowledged late, after a newer version existed)" : "")));
            }
            if (row.refusedItsLatest()) {
                open.add(new OpenDivergence(Divergence.REJECTED, row.system, region, row.businessTime,
                        row.system + " failed to apply version " + row.rejectedVersion));
            }
            if (row.bankAccountMismatch) {
                open.add(new OpenDivergence(Divergence.BANK_ACCOUNT_MISMATCH, row.system, region, row.businessTime,
                        row.system + " holds another bank account than the golden record"));
            }
        }
        return open;
    }

    private static SystemRow version(DocumentState supplier, int version, String owner, SupplierEvent event,
                                     Instant recordedAt) {
        supplier.currentVersion = Math.max(supplier.currentVersion, version);
        supplier.versionChangedAt = event.occurredAt();
        SystemRow row = row(supplier, owner, event, recordedAt);
        row.role = SystemRole.SOURCE;
        row.state = PositionState.GOLDEN_RECORD;
        row.version = supplier.currentVersion;
        return row;
    }

    private static boolean isOwner(DocumentState supplier, String system) {
        SystemRow row = supplier.systems.get(system);
        return row != null && row.role == SystemRole.SOURCE;
    }

    /** The row of a system reporting on its copy: a target, or else one the record never reached. */
    private static SystemRow copyHolder(DocumentState supplier, String system, SupplierEvent event,
                                        Instant recordedAt) {
        SystemRow row = row(supplier, system, event, recordedAt);
        if (row.role != SystemRole.TARGET) {
            row.role = SystemRole.OTHER;
        }
        return row;
    }

    private static SystemRow row(DocumentState supplier, String system, SupplierEvent event, Instant recordedAt) {
        SystemRow row = supplier.system(system);
        row.businessTime = event.occurredAt();
        row.recordedAt = recordedAt;
        return row;
    }
}
