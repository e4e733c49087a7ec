package org.integrationledger.command.supplier;

import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.PropagationTarget;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rule: every golden-record version must reach the procurement system that requested the supplier and each
 * ERP its legal entities are routed to, except the owner, which holds the record by definition.
 */
public class PropagationTargets {

    private final LegalEntityRouting routing;
    private final SupplierProperties properties;

    public PropagationTargets(LegalEntityRouting routing, SupplierProperties properties) {
        this.routing = routing;
        this.properties = properties;
    }

    /** Resolved at each version with the routing in force, so a re-routed legal entity gets the next version. */
    List<PropagationTarget> of(SystemId requester, List<LegalEntityId> legalEntities, SystemId owner) {
        Set<SystemId> systems = new LinkedHashSet<>();
        systems.add(requester);
        legalEntities.forEach(entity -> systems.add(routing.erpFor(entity)));
        systems.remove(owner);
        return systems.stream()
                .map(system -> new PropagationTarget(system, properties.regionOf(system.value())))
                .toList();
    }

    /** Fails with unknown-legal-entity when one of them has no ERP route. */
    void requireRoutable(List<LegalEntityId> legalEntities) {
        legalEntities.forEach(routing::erpFor);
    }
}
