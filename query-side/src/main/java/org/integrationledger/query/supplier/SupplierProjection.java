package org.integrationledger.query.supplier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
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
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Builds the supplier view and the supplier-propagation view. Like every projection it runs in a pooled
 * streaming processor with its token in the same transaction as the rows; events of one supplier stay in order
 * because the processor sequences by aggregate.
 */
@Component
@ProcessingGroup(SupplierProjection.PROCESSING_GROUP)
class SupplierProjection {

    static final String PROCESSING_GROUP = "supplier-view";

    private final SupplierViewRepository suppliers;
    private final SupplierCopyViewRepository copies;

    SupplierProjection(SupplierViewRepository suppliers, SupplierCopyViewRepository copies) {
        this.suppliers = suppliers;
        this.copies = copies;
    }

    @EventHandler
    void on(SupplierRequested event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.requested(event.legalName(),
                event.requestingLegalEntities().stream().map(LegalEntityId::value).toList(), event.bankAccount()));
    }

    @EventHandler
    void on(SupplierRequestApproved event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.state(SupplierState.APPROVED));
    }

    @EventHandler
    void on(SupplierRequestRejected event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.state(SupplierState.REJECTED));
    }

    @EventHandler
    void on(GoldenRecordCreated event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.goldenRecordCreated(event.owner().value(), event.vendorNumber(),
                event.legalName(), event.bankAccount()));
    }

    @EventHandler
    void on(SupplierDetailsChanged event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> {
            view.version(event.version());
            view.legalName(event.legalName());
        });
        copies.findBySupplierIdOrderBySystemId(event.supplierId().value())
                .forEach(copy -> copy.legalName(event.legalName()));
    }

    @EventHandler
    void on(BankAccountChangeProposed event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.bankAccountProposed(event.proposedAccount(), event.proposedBy()));
    }

    @EventHandler
    void on(BankAccountChangeApproved event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> {
            view.version(event.version());
            view.bankAccountApproved(event.newAccount(), event.approvedBy());
        });
    }

    @EventHandler
    void on(SupplierBlocked event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> {
            view.version(event.version());
            view.blocked(true);
        });
    }

    @EventHandler
    void on(SupplierUnblocked event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> {
            view.version(event.version());
            view.blocked(false);
        });
    }

    @EventHandler
    void on(SupplierVersionPropagationRequested event, @Timestamp Instant recordedAt) {
        SupplierView supplier = update(event, recordedAt, view -> { });
        for (PropagationTarget target : event.targets()) {
            String system = target.system().value();
            SupplierCopyView copy = copies.findById(new SupplierCopyView.Key(event.supplierId().value(), system))
                    .orElseGet(() -> new SupplierCopyView(event.supplierId().value(), system, target.region(),
                            supplier.legalName()));
            copy.requested(event.version(), event.occurredAt());
            copies.save(copy);
        }
    }

    @EventHandler
    void on(SupplierCopyAcknowledged event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> { });
        copy(event, copy -> copy.acknowledged(event.version(), event.reference(), event.occurredAt(),
                event.bankAccountMatchesGoldenRecord()));
    }

    @EventHandler
    void on(StaleSupplierAcknowledgmentRecorded event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> { });
        copy(event, SupplierCopyView::staleAcknowledgment);
    }

    @EventHandler
    void on(SupplierPropagationFailed event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> { });
        copy(event, copy -> copy.failed(event.version(), event.reason(), event.occurredAt()));
    }

    /** A replay rebuilds both views from the first event, so it starts from empty tables. */
    @ResetHandler
    void reset() {
        copies.deleteAllInBatch();
        suppliers.deleteAllInBatch();
    }

    private SupplierView update(SupplierEvent event, Instant recordedAt, Consumer<SupplierView> change) {
        String id = event.supplierId().value();
        SupplierView view = suppliers.findById(id).orElseGet(() -> new SupplierView(id));
        change.accept(view);
        view.touched(event.occurredAt(), recordedAt);
        return suppliers.save(view);
    }

    /** The reporting system of an acknowledgment or failure is the target whose copy it is about. */
    private void copy(SupplierEvent event, Consumer<SupplierCopyView> change) {
        copies.findById(new SupplierCopyView.Key(event.supplierId().value(), event.reportingSystem().value()))
                .ifPresent(copy -> {
                    change.accept(copy);
                    copies.save(copy);
                });
    }
}
