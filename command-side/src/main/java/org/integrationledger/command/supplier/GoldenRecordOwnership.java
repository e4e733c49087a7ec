package org.integrationledger.command.supplier;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;

import java.util.Set;

/**
 * Rule: only the owning system (an ERP or a governed MDM hub, by configuration) creates and changes the golden
 * record. The owner in force when the record was created is recorded in its first event, so a later change of
 * configuration is a deliberate migration, not a silent transfer of authority.
 */
public class GoldenRecordOwnership {

    /** The kinds of system that may own a vendor master. */
    static final Set<String> OWNING_KINDS = Set.of("ERP", "MDM");

    private final SystemId configuredOwner;

    /** Fails at start-up when the owner is not a configured ERP or MDM system, rather than at the first change. */
    public GoldenRecordOwnership(SupplierProperties properties, ReferenceDataProperties reference) {
        this.configuredOwner = SystemId.of(properties.goldenRecordOwner());
        ReferenceDataProperties.SystemOfRecord system = reference.systems().get(configuredOwner.value());
        if (system == null || !OWNING_KINDS.contains(system.kind())) {
            throw new IllegalStateException("ledger.supplier.golden-record-owner " + configuredOwner
                    + " must be a configured system of kind " + OWNING_KINDS + "; configured: " + reference.systems());
        }
    }

    SystemId configuredOwner() {
        return configuredOwner;
    }

    static void requireOwner(SystemId owner, SystemId reportingSystem) {
        if (!owner.equals(reportingSystem)) {
            throw new RuleViolation(ErrorCode.NOT_GOLDEN_RECORD_OWNER, "system " + reportingSystem
                    + " does not own the supplier golden record; only " + owner
                    + " changes it, every other system holds a copy");
        }
    }
}
