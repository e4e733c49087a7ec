package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Every fact recorded about a supplier names it, the reporting system and the business time. */
public sealed interface SupplierEvent permits SupplierRequested, SupplierRequestApproved, SupplierRequestRejected,
        GoldenRecordCreated, SupplierDetailsChanged, BankAccountChangeProposed, BankAccountChangeApproved,
        SupplierBlocked, SupplierUnblocked, SupplierVersionPropagationRequested, SupplierCopyAcknowledged,
        StaleSupplierAcknowledgmentRecorded, SupplierPropagationFailed, DuplicateSupplierRequestCaught {

    SupplierId supplierId();

    SystemId reportingSystem();

    /** Business time: when it happened in the reporting system (not when the ledger recorded it). */
    Instant occurredAt();

    /**
     * Answers what {@code visitor} makes of this event, given {@code argument} (a fold passes the state it folds
     * into). Every event record calls its own {@code on}, so dispatch needs no type test.
     */
    <R, A> R accept(Visitor<R, A> visitor, A argument);

    /**
     * One method per event of the family, none with a default: adding an event to the family fails compilation of
     * every visitor (every read model) until it says what the new event does, even if that is nothing.
     *
     * @param <R> what the visitor answers (a fold: the new state)
     * @param <A> what it is given beside the event (a fold: the state before)
     */
    interface Visitor<R, A> {

        R on(SupplierRequested event, A argument);

        R on(SupplierRequestApproved event, A argument);

        R on(SupplierRequestRejected event, A argument);

        R on(GoldenRecordCreated event, A argument);

        R on(SupplierDetailsChanged event, A argument);

        R on(BankAccountChangeProposed event, A argument);

        R on(BankAccountChangeApproved event, A argument);

        R on(SupplierBlocked event, A argument);

        R on(SupplierUnblocked event, A argument);

        R on(SupplierVersionPropagationRequested event, A argument);

        R on(SupplierCopyAcknowledged event, A argument);

        R on(StaleSupplierAcknowledgmentRecorded event, A argument);

        R on(SupplierPropagationFailed event, A argument);

        R on(DuplicateSupplierRequestCaught event, A argument);
    }
}
