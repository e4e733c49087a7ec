package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
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
import org.integrationledger.query.fold.Fold;
import org.integrationledger.query.fold.Envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the reconciliation view for suppliers: the golden-record owner is the source of each version, and every
 * propagation target must acknowledge the version it was sent, holding the golden record's bank account. Each event
 * changes a copy of the supplier, whose divergences are then recomputed from its whole state; a duplicate request
 * caught on the supplier is kept with it ({@link DuplicatesCaught}).
 */
final class SupplierReconciliation implements Fold<SupplierEvent, ReconciliationState>,
        SupplierEvent.Visitor<DocumentState, DocumentState> {

    private final DuplicatesCaught duplicates = new DuplicatesCaught();

    @Override
    public Class<SupplierEvent> events() {
        return SupplierEvent.class;
    }

    @Override
    public String key(SupplierEvent event) {
        return ReconciliationState.key(DocumentType.SUPPLIER, event.supplierId().value());
    }

    @Override
    public ReconciliationState initial(String key) {
        return ReconciliationState.initial(key);
    }

    @Override
    public ReconciliationState apply(ReconciliationState state, SupplierEvent event, Instant recordedAt) {
        return apply(state, event, Envelope.recordedAt(recordedAt));
    }

    @Override
    public ReconciliationState apply(ReconciliationState state, SupplierEvent event, Envelope recorded) {
        DocumentState supplier = state.document().copy();
        supplier.touched(event.occurredAt(), recorded.recordedAt());
        supplier.supplierId = supplier.id;
        event.accept(this, supplier);
        supplier.refresh(divergences(supplier));
        return state.withDocument(supplier).withDuplicates(
                event.accept(duplicates, new DuplicatesCaught.Caught(state.duplicates(), recorded)));
    }

    @Override
    public DocumentState on(SupplierRequested requested, DocumentState supplier) {
        supplier.status = DocumentStatus.REQUESTED;
        supplier.sourceSystem = requested.reportingSystem().value();
        if (!requested.requestingLegalEntities().isEmpty()) {
            supplier.legalEntity = requested.requestingLegalEntities().get(0).value();
        }
        SystemRow requester = row(supplier, requested.reportingSystem().value(), requested);
        if (requester.role == null) {
            requester.role = SystemRole.REQUESTER;
        }
        requester.state = PositionState.REQUESTED;
        return supplier;
    }

    @Override
    public DocumentState on(SupplierRequestApproved approved, DocumentState supplier) {
        supplier.status = DocumentStatus.APPROVED;
        return supplier;
    }

    @Override
    public DocumentState on(SupplierRequestRejected rejected, DocumentState supplier) {
        supplier.status = DocumentStatus.REJECTED;
        return supplier;
    }

    @Override
    public DocumentState on(GoldenRecordCreated created, DocumentState supplier) {
        supplier.sourceKnown = true;
        supplier.status = DocumentStatus.ACTIVE;
        supplier.sourceSystem = created.owner().value();
        supplier.businessKey = created.vendorNumber();
        version(supplier, created.version(), created.owner().value(), created).reference = created.vendorNumber();
        return supplier;
    }

    @Override
    public DocumentState on(SupplierDetailsChanged changed, DocumentState supplier) {
        version(supplier, changed.version(), changed.reportingSystem().value(), changed);
        return supplier;
    }

    /** A proposal is not a version yet: only its approval is. */
    @Override
    public DocumentState on(BankAccountChangeProposed proposed, DocumentState supplier) {
        return supplier;
    }

    @Override
    public DocumentState on(BankAccountChangeApproved approved, DocumentState supplier) {
        version(supplier, approved.version(), approved.reportingSystem().value(), approved);
        return supplier;
    }

    @Override
    public DocumentState on(SupplierBlocked blocked, DocumentState supplier) {
        supplier.status = DocumentStatus.BLOCKED;
        version(supplier, blocked.version(), blocked.reportingSystem().value(), blocked);
        return supplier;
    }

    @Override
    public DocumentState on(SupplierUnblocked unblocked, DocumentState supplier) {
        supplier.status = DocumentStatus.ACTIVE;
        version(supplier, unblocked.version(), unblocked.reportingSystem().value(), unblocked);
        return supplier;
    }

    @Override
    public DocumentState on(SupplierVersionPropagationRequested requested, DocumentState supplier) {
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
        return supplier;
    }

    /** The owner holds every version by definition; its own copy says nothing more. */
    @Override
    public DocumentState on(SupplierCopyAcknowledged acknowledged, DocumentState supplier) {
        String system = acknowledged.reportingSystem().value();
        if (isOwner(supplier, system)) {
            return supplier;
        }
        SystemRow row = copyHolder(supplier, system, acknowledged);
        row.state = PositionState.ACKNOWLEDGED;
        row.version = row.version == null ? acknowledged.version() : Math.max(row.version, acknowledged.version());
        row.reference = acknowledged.reference();
        if (acknowledged.bankAccountMatchesGoldenRecord() != null) {
            row.bankAccountMismatch = !acknowledged.bankAccountMatchesGoldenRecord();
        }
        if (row.expectedVersion == null || row.version >= row.expectedVersion) {
            row.pendingSince = null;
        }
        return supplier;
    }

    /** The system does hold the older version: while it holds nothing newer that is its copy, labelled STALE. */
    @Override
    public DocumentState on(StaleSupplierAcknowledgmentRecorded stale, DocumentState supplier) {
        String system = stale.reportingSystem().value();
        if (isOwner(supplier, system)) {
            return supplier;
        }
        SystemRow known = supplier.systems.get(system);
        if (known == null || known.version == null || known.version < stale.version()) {
            SystemRow row = copyHolder(supplier, system, stale);
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
        return supplier;
    }

    @Override
    public DocumentState on(SupplierPropagationFailed failed, DocumentState supplier) {
        String system = failed.reportingSystem().value();
        if (isOwner(supplier, system)) {
            return supplier;
        }
        SystemRow row = copyHolder(supplier, system, failed);
        row.state = PositionState.FAILED;
        row.rejectedVersion = failed.version();
        return supplier;
    }

    /** Listed among the duplicates caught ({@link DuplicatesCaught}); no system's position changes. */
    @Override
    public DocumentState on(DuplicateSupplierRequestCaught caught, DocumentState supplier) {
        return supplier;
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

    private static SystemRow version(DocumentState supplier, int version, String owner, SupplierEvent event) {
        supplier.currentVersion = Math.max(supplier.currentVersion, version);
        supplier.versionChangedAt = event.occurredAt();
        SystemRow row = row(supplier, owner, event);
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
    private static SystemRow copyHolder(DocumentState supplier, String system, SupplierEvent event) {
        SystemRow row = row(supplier, system, event);
        if (row.role != SystemRole.TARGET) {
            row.role = SystemRole.OTHER;
        }
        return row;
    }

    /** The system's row, touched by the event (recorded when the supplier was touched). */
    private static SystemRow row(DocumentState supplier, String system, SupplierEvent event) {
        SystemRow row = supplier.system(system);
        row.businessTime = event.occurredAt();
        row.recordedAt = supplier.lastRecordedAt;
        return row;
    }
}
