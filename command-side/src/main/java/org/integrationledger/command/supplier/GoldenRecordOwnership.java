package org.integrationledger.command.supplier;

import org.integrationledger.command.connector.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;
import org.springframework.stereotype.Component;

/**
 * Rule: only the owning system (an ERP or a governed MDM hub, by configuration) creates and changes the golden
 * record. The owner in force when the record was created is recorded in its first event, so a later change of
 * configuration is a deliberate migration, not a silent transfer of authority.
 */
@Component
public class GoldenRecordOwnership {

    private final SystemId configuredOwner;

    public GoldenRecordOwnership(SupplierProperties properties) {
        this.configuredOwner = SystemId.of(properties.goldenRecordOwner());
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
