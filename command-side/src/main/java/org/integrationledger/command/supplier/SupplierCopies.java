package org.integrationledger.command.supplier;

import org.integrationledger.command.acknowledgment.StalenessRule;
import org.integrationledger.command.outcome.RuleViolation;
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
 * exists; an acknowledgment of a version older than the golden record's current one is recorded as stale
 * ({@link StalenessRule}), and a held bank account is compared with the current golden record's. A report from a
 * system that is not a target is recorded too (that system does hold a copy, ungoverned); the reconciliation view
 * flags it {@code WRONG_SYSTEM}.
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
        ProtectedBankAccount held = command.heldBankAccount();
        // Compared with the golden record as it is now: the account of an older version may since have changed.
        Boolean matches = held == null ? null : held.sameAccountAs(bankAccountByVersion.get(currentVersion));
        if (StalenessRule.isStale(command.version(), currentVersion, already)) {
            return new StaleSupplierAcknowledgmentRecorded(id, command.version(), currentVersion, already,
                    command.reference(), held, matches, system, command.occurredAt());
        }
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
