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
import org.integrationledger.query.fold.Fold;

import java.time.Instant;

/**
 * The rules of both supplier views (the golden record and each target system's copy of it), per event. Every event
 * counts as activity of the supplier; an acknowledgment or failure is about the copy of the system that reports it.
 */
final class SupplierFold implements Fold<SupplierEvent, SupplierStates>,
        SupplierEvent.Visitor<SupplierStates, SupplierStates> {

    @Override
    public Class<SupplierEvent> events() {
        return SupplierEvent.class;
    }

    @Override
    public String key(SupplierEvent event) {
        return event.supplierId().value();
    }

    @Override
    public SupplierStates initial(String key) {
        return SupplierStates.initial(key);
    }

    @Override
    public SupplierStates apply(SupplierStates state, SupplierEvent event, Instant recordedAt) {
        SupplierStates next = event.accept(this, state);
        return next.supplier(next.supplier().touched(event.occurredAt(), recordedAt));
    }

    @Override
    public SupplierStates on(SupplierRequested event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().requested(event.legalName(),
                event.requestingLegalEntities().stream().map(LegalEntityId::value).toList(), event.bankAccount()));
    }

    @Override
    public SupplierStates on(SupplierRequestApproved event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().state(SupplierState.APPROVED));
    }

    @Override
    public SupplierStates on(SupplierRequestRejected event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().state(SupplierState.REJECTED));
    }

    @Override
    public SupplierStates on(GoldenRecordCreated event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().goldenRecordCreated(event.owner().value(),
                event.vendorNumber(), event.legalName(), event.bankAccount()));
    }

    /** The copies carry the legal name too, so the propagation view shows what each system should now hold. */
    @Override
    public SupplierStates on(SupplierDetailsChanged event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().details(event.version(), event.legalName()))
                .everyCopy(copy -> copy.legalName(event.legalName()));
    }

    @Override
    public SupplierStates on(BankAccountChangeProposed event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().bankAccountProposed(event.proposedAccount(),
                event.proposedBy()));
    }

    @Override
    public SupplierStates on(BankAccountChangeApproved event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().bankAccountApproved(event.version(), event.newAccount(),
                event.approvedBy()));
    }

    @Override
    public SupplierStates on(SupplierBlocked event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().blocked(event.version(), true));
    }

    @Override
    public SupplierStates on(SupplierUnblocked event, SupplierStates supplier) {
        return supplier.supplier(supplier.supplier().blocked(event.version(), false));
    }

    /** A target seen for the first time gets a copy, named after the supplier as it is now. */
    @Override
    public SupplierStates on(SupplierVersionPropagationRequested event, SupplierStates supplier) {
        SupplierStates next = supplier;
        for (PropagationTarget target : event.targets()) {
            String system = target.system().value();
            SupplierCopyState copy = next.copies().get(system);
            if (copy == null) {
                copy = SupplierCopyState.first(next.supplier().supplierId(), system, target.region(),
                        next.supplier().legalName());
            }
            next = next.withCopy(copy.requested(event.version(), event.occurredAt()));
        }
        return next;
    }

    @Override
    public SupplierStates on(SupplierCopyAcknowledged event, SupplierStates supplier) {
        return supplier.copy(event.reportingSystem().value(), copy -> copy.acknowledged(event.version(),
                event.reference(), event.occurredAt(), event.bankAccountMatchesGoldenRecord()));
    }

    @Override
    public SupplierStates on(StaleSupplierAcknowledgmentRecorded event, SupplierStates supplier) {
        return supplier.copy(event.reportingSystem().value(), copy -> copy.staleAcknowledgment(event.version(),
                event.reference(), event.occurredAt(), event.bankAccountMatchesGoldenRecord()));
    }

    @Override
    public SupplierStates on(SupplierPropagationFailed event, SupplierStates supplier) {
        return supplier.copy(event.reportingSystem().value(),
                copy -> copy.failed(event.version(), event.reason(), event.occurredAt()));
    }

    /** Listed by the reconciliation view's duplicates (question 8); here it only counts as activity. */
    @Override
    public SupplierStates on(DuplicateSupplierRequestCaught event, SupplierStates supplier) {
        return supplier;
    }
}
