package org.integrationledger.command.routing;

import org.integrationledger.command.connector.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;
import org.springframework.stereotype.Component;

/** Knows which systems of record exist, so a connector cannot report from a system nobody configured. */
@Component
public class SystemRegistry {

    private final ReferenceDataProperties reference;

    public SystemRegistry(ReferenceDataProperties reference) {
        this.reference = reference;
    }

    public void requireKnown(SystemId system) {
        if (!reference.systems().containsKey(system.value())) {
            throw new RuleViolation(ErrorCode.UNKNOWN_SYSTEM,
                    "system " + system + " is not configured; known systems: " + reference.systems().keySet());
        }
    }
}
