package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.SystemId;

/** A system that must hold a copy of the golden record, with the region it serves (for filtering the lag). */
public record PropagationTarget(SystemId system, String region) {

    public PropagationTarget {
        Checks.required(system, "system");
        Checks.text(region, "region", 16);
    }
}
