package org.integrationledger.command.controls;

import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.time.Instant;
import java.util.Optional;

/**
 * What the invoice side knows of suppliers over business time: the command side's own lookup, fed by supplier
 * events (never the query side). Each answer names the supplier event it rests on, the evidence of a control.
 * A supplier the ledger has no event of before the instant has no answer: the ledger cannot judge it.
 */
public interface SupplierControlFacts {

    /** The supplier's standing in force at {@code at}: set by the latest standing event at or before it. */
    Optional<Standing> standingAt(SupplierId supplier, Instant at);

    /** The golden record's bank account in force at {@code at}: created or approved at or before it. */
    Optional<BankAccount> bankAccountAt(SupplierId supplier, Instant at);

    /** Whether {@code system} had acknowledged {@code version} (or a later one) of the supplier at or before {@code at}. */
    boolean acknowledged(SupplierId supplier, SystemId system, int version, Instant at);

    /** A standing and the event that set it. */
    record Standing(SupplierStanding standing, String reason, ControlEvidence evidence) {
    }

    /**
     * A golden-record bank account, its version, when it took effect (business time), whether a change (not the
     * record's creation) set it, the owner that recorded it, and the event that set it.
     */
    record BankAccount(int version, ProtectedBankAccount account, Instant approvedAt, boolean changed, SystemId owner,
                       ControlEvidence evidence) {
    }
}
