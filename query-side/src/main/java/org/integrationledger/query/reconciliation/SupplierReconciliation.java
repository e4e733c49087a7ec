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
import java.util.function.UnaryOperator;

/**
 * Rules of the reconciliation view for suppliers: the golden-record owner is the source of each version, and every
 * propagation target must acknowledge the version it was sent, holding the golden record's bank account. Each event
 * answers the supplier changed, whose divergences are then recomputed from its whole state; a duplicate request
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
        DocumentState touched = state.document().touched(event.occurredAt(), recorded.recordedAt());
        DocumentState supplier = event.accept(this, touched.withSupplierId(touched.id()));
        return state.withDocument(supplier.withDivergences(divergences(supplier))).withDuplicates(
                event.accept(duplicates, new DuplicatesCaught.Caught(state.duplicates(), recorded)));
    }

    @Override
    public DocumentState on(SupplierRequested requested, DocumentState supplier) {
        DocumentState changed = supplier.withStatus(DocumentStatus.REQUESTED)
                .withSourceSystem(requested.reportingSystem().value());
        if (!requested.requestingLegalEntities().isEmpty()) {
            changed = changed.withLegalEntity(requested.requestingLegalEntities().get(0).value());
        }
        return row(changed, requested.reportingSystem().value(), requested, row -> (row.role() == null
                ? row.withRole(SystemRole.REQUESTER) : row).withState(PositionState.REQUESTED));
    }

    @Override
    public DocumentState on(SupplierRequestApproved approved, DocumentState supplier) {
        return supplier.withStatus(DocumentStatus.APPROVED);
    }

    @Override
    public DocumentState on(SupplierRequestRejected rejected, DocumentState supplier) {
        return supplier.withStatus(DocumentStatus.REJECTED);
    }

    @Override
    public DocumentState on(GoldenRecordCreated created, DocumentState supplier) {
        DocumentState changed = supplier.withSourceKnown(true).withStatus(DocumentStatus.ACTIVE)
                .withSourceSystem(created.owner().value()).withBusinessKey(created.vendorNumber());
        return version(changed, created.version(), created.owner().value(), created,
                row -> row.withReference(created.vendorNumber()));
    }

    @Override
    public DocumentState on(SupplierDetailsChanged changed, DocumentState supplier) {
        return version(supplier, changed.version(), changed.reportingSystem().value(), changed, row -> row);
    }

    /** A proposal is not a version yet: only its approval is. */
    @Override
    public DocumentState on(BankAccountChangeProposed proposed, DocumentState supplier) {
        return supplier;
    }

    @Override
    public DocumentState on(BankAccountChangeApproved approved, DocumentState supplier) {
        return version(supplier, approved.version(), approved.reportingSystem().value(), approved, row -> row);
    }

    @Override
    public DocumentState on(SupplierBlocked blocked, DocumentState supplier) {
        return version(supplier.withStatus(DocumentStatus.BLOCKED), blocked.version(),
                blocked.reportingSystem().value(), blocked, row -> row);
    }

    @Override
    public DocumentState on(SupplierUnblocked unblocked, DocumentState supplier) {
        return version(supplier.withStatus(DocumentStatus.ACTIVE), unblocked.version(),
                unblocked.reportingSystem().value(), unblocked, row -> row);
    }

    @Override
    public DocumentState on(SupplierVersionPropagationRequested requested, DocumentState supplier) {
        DocumentState changed = supplier;
        for (PropagationTarget target : requested.targets()) {
            changed = changed.withSystem(target.system().value(), known -> {
                SystemRow row = known.withRole(SystemRole.TARGET).withRegion(target.region())
                        .withExpectedVersion(Math.max(known.expectedVersion() == null ? 0 : known.expectedVersion(),
                                requested.version()));
                if (row.version() == null || row.version() < row.expectedVersion()) {
                    row = row.withPendingSince(row.pendingSince() == null ? requested.occurredAt()
                            : row.pendingSince()).withState(row.version() == null ? PositionState.PENDING
                            : row.state());
                }
                return row;
            });
        }
        return changed;
    }

    /** The owner holds every version by definition; its own copy says nothing more. */
    @Override
    public DocumentState on(SupplierCopyAcknowledged acknowledged, DocumentState supplier) {
        String system = acknowledged.reportingSystem().value();
        if (isOwner(supplier, system)) {
            return supplier;
        }
        return copyHolder(supplier, system, acknowledged, known -> {
            SystemRow row = known.withState(PositionState.ACKNOWLEDGED)
                    .withVersion(known.version() == null ? acknowledged.version()
                            : Math.max(known.version(), acknowledged.version()))
                    .withReference(acknowledged.reference());
            if (acknowledged.bankAccountMatchesGoldenRecord() != null) {
                row = row.withBankAccountMismatch(!acknowledged.bankAccountMatchesGoldenRecord());
            }
            return acknowledgedAll(row);
        });
    }

    /** The system does hold the older version: while it holds nothing newer that is its copy, labelled STALE. */
    @Override
    public DocumentState on(StaleSupplierAcknowledgmentRecorded stale, DocumentState supplier) {
        String system = stale.reportingSystem().value();
        if (isOwner(supplier, system)) {
            return supplier;
        }
        SystemRow known = supplier.systems().get(system);
        if (known != null && known.version() != null && known.version() >= stale.version()) {
            return supplier;
        }
        return copyHolder(supplier, system, stale, holder -> {
            SystemRow row = holder.withState(PositionState.STALE).withVersion(stale.version())
                    .withReference(stale.reference());
            if (stale.bankAccountMatchesGoldenRecord() != null) {
                row = row.withBankAccountMismatch(!stale.bankAccountMatchesGoldenRecord());
            }
            return acknowledgedAll(row);
        });
    }

    @Override
    public DocumentState on(SupplierPropagationFailed failed, DocumentState supplier) {
        String system = failed.reportingSystem().value();
        if (isOwner(supplier, system)) {
            return supplier;
        }
        return copyHolder(supplier, system, failed, row -> row.withState(PositionState.FAILED)
                .withRejectedVersion(failed.version()));
    }

    /** Listed among the duplicates caught ({@link DuplicatesCaught}); no system's position changes. */
    @Override
    public DocumentState on(DuplicateSupplierRequestCaught caught, DocumentState supplier) {
        return supplier;
    }

    static List<OpenDivergence> divergences(DocumentState supplier) {
        List<OpenDivergence> open = new ArrayList<>();
        for (SystemRow row : supplier.systems().values()) {
            String region = row.region() == null ? supplier.region() : row.region();
            if (row.role() == SystemRole.OTHER) {
                open.add(new OpenDivergence(Divergence.WRONG_SYSTEM, row.system(), region, row.businessTime(),
                        row.system() + " reported on a copy of the supplier, which was never propagated to it"));
                continue;
            }
            if (row.role() != SystemRole.TARGET || row.expectedVersion() == null) {
                continue;
            }
            if (!row.holdsAVersion()) {
                open.add(new OpenDivergence(Divergence.NOT_ACKNOWLEDGED, row.system(), region, row.pendingSince(),
                        row.system() + " has acknowledged no version; version " + row.expectedVersion()
                        + " was sent"));
            } else if (row.version() < row.expectedVersion()) {
                open.add(new OpenDivergence(Divergence.VERSION_BEHIND, row.system(), region, row.pendingSince(),
                        row.system() + " holds version " + row.version() + " of " + row.expectedVersion()
                        + (row.state() == PositionState.STALE ? " (acknowledged late, after a newer version existed)"
                        : "")));
            }
            if (row.refusedItsLatest()) {
                open.add(new OpenDivergence(Divergence.REJECTED, row.system(), region, row.businessTime(),
                        row.system() + " failed to apply version " + row.rejectedVersion()));
            }
            if (row.bankAccountMismatch()) {
                open.add(new OpenDivergence(Divergence.BANK_ACCOUNT_MISMATCH, row.system(), region,
                        row.businessTime(), row.system() + " holds another bank account than the golden record"));
            }
        }
        return open;
    }

    /** A copy that holds the version it was expected to is pending no longer. */
    private static SystemRow acknowledgedAll(SystemRow row) {
        return row.expectedVersion() == null || row.version() >= row.expectedVersion() ? row.withPendingSince(null)
                : row;
    }

    /** A new version of the golden record, held by its owner's row (changed further by {@code change}). */
    private static DocumentState version(DocumentState supplier, int version, String owner, SupplierEvent event,
                                         UnaryOperator<SystemRow> change) {
        DocumentState changed = supplier.withCurrentVersion(Math.max(supplier.currentVersion(), version))
                .withVersionChangedAt(event.occurredAt());
        return row(changed, owner, event, row -> change.apply(row.withRole(SystemRole.SOURCE)
                .withState(PositionState.GOLDEN_RECORD).withVersion(changed.currentVersion())));
    }

    private static boolean isOwner(DocumentState supplier, String system) {
        SystemRow row = supplier.systems().get(system);
        return row != null && row.role() == SystemRole.SOURCE;
    }

    /** The row of a system reporting on its copy: a target, or else one the record never reached. */
    private static DocumentState copyHolder(DocumentState supplier, String system, SupplierEvent event,
                                            UnaryOperator<SystemRow> change) {
        return row(supplier, system, event, row -> change.apply(row.role() == SystemRole.TARGET ? row
                : row.withRole(SystemRole.OTHER)));
    }

    /** The system's row, touched by the event (recorded when the supplier was touched), then changed. */
    private static DocumentState row(DocumentState supplier, String system, SupplierEvent event,
                                     UnaryOperator<SystemRow> change) {
        return supplier.withSystem(system, row -> change.apply(row.touched(event.occurredAt(),
                supplier.lastRecordedAt())));
    }
}
