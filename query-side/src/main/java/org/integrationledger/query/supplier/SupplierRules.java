package org.integrationledger.query.supplier;

import org.integrationledger.model.shared.LegalEntityId;
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
import org.integrationledger.model.supplier.SupplierState;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The supplier projection's rules per event, written once against {@link Rows} so that the live projection
 * (rows in the database) and the rebuild (bounded states, {@link SupplierReplay}) cannot drift apart.
 */
final class SupplierRules {

    /** Where the rules find and keep the rows of {@code supplier_view} and {@code supplier_copy_view}. */
    interface Rows {

        Optional<SupplierView> supplier(String supplierId);

        /** Answers the stored row, which may be another instance than the one passed in (JPA merge). */
        SupplierView save(SupplierView supplier);

        Optional<SupplierCopyView> copy(String supplierId, String systemId);

        List<SupplierCopyView> copiesOf(String supplierId);

        void save(SupplierCopyView copy);
    }

    private SupplierRules() {
    }

    /** Applies one event recorded at {@code recordedAt}; events of one supplier must arrive in their order. */
    static void apply(SupplierEvent event, Instant recordedAt, Rows rows) {
        // Java 17 has no pattern switch; the interface is sealed, so this chain covers every supplier event.
        if (event instanceof SupplierRequested e) {
            update(e, recordedAt, rows, view -> view.requested(e.legalName(),
                    e.requestingLegalEntities().stream().map(LegalEntityId::value).toList(), e.bankAccount()));
        } else if (event instanceof SupplierRequestApproved e) {
            update(e, recordedAt, rows, view -> view.state(SupplierState.APPROVED));
        } else if (event instanceof SupplierRequestRejected e) {
            update(e, recordedAt, rows, view -> view.state(SupplierState.REJECTED));
        } else if (event instanceof GoldenRecordCreated e) {
            update(e, recordedAt, rows, view -> view.goldenRecordCreated(e.owner().value(), e.vendorNumber(),
                    e.legalName(), e.bankAccount()));
        } else if (event instanceof SupplierDetailsChanged e) {
            detailsChanged(e, recordedAt, rows);
        } else if (event instanceof BankAccountChangeProposed e) {
            update(e, recordedAt, rows, view -> view.bankAccountProposed(e.proposedAccount(), e.proposedBy()));
        } else if (event instanceof BankAccountChangeApproved e) {
            update(e, recordedAt, rows, view -> {
                view.version(e.version());
                view.bankAccountApproved(e.newAccount(), e.approvedBy());
            });
        } else if (event instanceof SupplierBlocked e) {
            update(e, recordedAt, rows, view -> {
                view.version(e.version());
                view.blocked(true);
            });
        } else if (event instanceof SupplierUnblocked e) {
            update(e, recordedAt, rows, view -> {
                view.version(e.version());
                view.blocked(false);
            });
        } else if (event instanceof SupplierVersionPropagationRequested e) {
            propagationRequested(e, recordedAt, rows);
        } else if (event instanceof SupplierCopyAcknowledged e) {
            update(e, recordedAt, rows, view -> { });
            copy(e, rows, copy -> copy.acknowledged(e.version(), e.reference(), e.occurredAt(),
                    e.bankAccountMatchesGoldenRecord()));
        } else if (event instanceof StaleSupplierAcknowledgmentRecorded e) {
            update(e, recordedAt, rows, view -> { });
            copy(e, rows, copy -> copy.staleAcknowledgment(e.version(), e.reference(), e.occurredAt(),
                    e.bankAccountMatchesGoldenRecord()));
        } else if (event instanceof SupplierPropagationFailed e) {
            update(e, recordedAt, rows, view -> { });
            copy(e, rows, copy -> copy.failed(e.version(), e.reason(), e.occurredAt()));
        } else if (event instanceof DuplicateSupplierRequestCaught e) {
            // Listed by the reconciliation view's duplicates (question 8); here it only counts as activity.
            update(e, recordedAt, rows, view -> { });
        }
    }

    /** The copies carry the legal name too, so the propagation view shows what each system should now hold. */
    private static void detailsChanged(SupplierDetailsChanged event, Instant recordedAt, Rows rows) {
        update(event, recordedAt, rows, view -> {
            view.version(event.version());
            view.legalName(event.legalName());
        });
        for (SupplierCopyView copy : rows.copiesOf(event.supplierId().value())) {
            copy.legalName(event.legalName());
            rows.save(copy);
        }
    }

    /** A target seen for the first time gets a copy row, named after the supplier as it is now. */
    private static void propagationRequested(SupplierVersionPropagationRequested event, Instant recordedAt,
                                             Rows rows) {
        SupplierView supplier = update(event, recordedAt, rows, view -> { });
        String supplierId = event.supplierId().value();
        for (PropagationTarget target : event.targets()) {
            String system = target.system().value();
            SupplierCopyView copy = rows.copy(supplierId, system)
                    .orElseGet(() -> new SupplierCopyView(supplierId, system, target.region(), supplier.legalName()));
            copy.requested(event.version(), event.occurredAt());
            rows.save(copy);
        }
    }

    private static SupplierView update(SupplierEvent event, Instant recordedAt, Rows rows,
                                       Consumer<SupplierView> change) {
        String id = event.supplierId().value();
        SupplierView view = rows.supplier(id).orElseGet(() -> new SupplierView(id));
        change.accept(view);
        view.touched(event.occurredAt(), recordedAt);
        return rows.save(view);
    }

    /** The reporting system of an acknowledgment or failure is the target whose copy it is about. */
    private static void copy(SupplierEvent event, Rows rows, Consumer<SupplierCopyView> change) {
        rows.copy(event.supplierId().value(), event.reportingSystem().value()).ifPresent(copy -> {
            change.accept(copy);
            rows.save(copy);
        });
    }
}
