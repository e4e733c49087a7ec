package org.integrationledger.command.supplier;

import org.integrationledger.command.connector.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.AcknowledgeSupplierCopy;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.ReportSupplierPropagationFailure;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;

import java.util.HashMap;
import java.util.Map;

/**
 * Propagation rule, as part of the supplier's state: a system reports on its copy only about a version that
 * exists; an acknowledgment older than one the system already gave arrives late and is recorded as stale rather
 * than moving its copy back. A report from a system that is not a target is recorded too (that system does hold
 * a copy, ungoverned); the reconciliation view flags it {@code WRONG_SYSTEM}.
 */
final class SupplierCopies {

    private final Map<SystemId, Integer> acknowledgedBySystem = new HashMap<>();
    private final Map<Integer, ProtectedBankAccount> bankAccountByVersion = new HashMap<>();

    void requested(int version, ProtectedBankAccount bankAccount) {
        bankAccountByVersion.put(version, bankAccount);
    }

    void acknowledged(SystemId system, int version) {
        acknowledgedBySystem.merge(system, version, Math::max);
    }

    SupplierEvent acknowledge(SupplierId id, int currentVersion, AcknowledgeSupplierCopy command) {
        SystemId system = command.reportingSystem();
        requireKnownVersion(id, command.version(), currentVersion);
        Integer already = acknowledgedBySystem.get(system);
        if (already != null && command.version() < already) {
            return new StaleSupplierAcknowledgmentRecorded(id, command.version(), already, command.reference(),
                    system, command.occurredAt());
        }
        ProtectedBankAccount held = command.heldBankAccount();
        Boolean matches = held == null ? null : held.sameAccountAs(bankAccountByVersion.get(command.version()));
        return new SupplierCopyAcknowledged(id, command.version(), command.reference(), held, matches, system,
                command.occurredAt());
    }

    SupplierEvent fail(SupplierId id, int currentVersion, ReportSupplierPropagationFailure command) {
        requireKnownVersion(id, command.version(), currentVersion);
        return new SupplierPropagationFailed(id, command.version(), command.reason(), command.reportingSystem(),
                command.occurredAt());
    }

    private static void requireKnownVersion(SupplierId id, int version, int currentVersion) {
        if (version > currentVersion) {
            throw new RuleViolation(ErrorCode.SUPPLIER_VERSION_UNKNOWN, "supplier " + id + " has no version "
                    + version + " yet (current: " + currentVersion + "); resend once the ledger has it");
        }
    }
}
