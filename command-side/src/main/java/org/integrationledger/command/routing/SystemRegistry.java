package org.integrationledger.command.routing;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;

import java.util.Set;

/** Knows which systems of record exist, so a connector cannot report from a system nobody configured. */
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

    /**
     * Rule: a fact is reported only by the kind of system that owns it (an order is issued by procurement,
     * posted by an ERP), whatever a connector's key allows.
     */
    public void requireKind(SystemId system, Set<String> owningKinds) {
        requireKnown(system);
        String kind = reference.systems().get(system.value()).kind();
        if (!owningKinds.contains(kind)) {
            throw new RuleViolation(ErrorCode.REPORTING_SYSTEM_NOT_OWNER, "system " + system + " is a " + kind
                    + " system; this fact is reported by a " + String.join(" or ", owningKinds.stream().sorted().toList())
                    + " system");
        }
    }

    /** Whether {@code system} is a configured system of {@code kind} (false for a system nobody configured). */
    public boolean isOfKind(SystemId system, String kind) {
        ReferenceDataProperties.SystemOfRecord configured = reference.systems().get(system.value());
        return configured != null && kind.equals(configured.kind());
    }
}
