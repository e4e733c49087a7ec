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
}
