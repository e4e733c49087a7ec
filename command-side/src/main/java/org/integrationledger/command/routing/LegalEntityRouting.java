package org.integrationledger.command.routing;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SystemId;

/** The routing rule: a legal entity's documents are posted in the ERP configured for it. */
public class LegalEntityRouting {

    private final ReferenceDataProperties reference;

    public LegalEntityRouting(ReferenceDataProperties reference) {
        this.reference = reference;
    }

    public SystemId erpFor(LegalEntityId legalEntity) {
        return routeFor(legalEntity).erp();
    }

    /** The whole decision, to be recorded on the document: ERP, tax regime, region and the rule's version. */
    public RoutingDecision routeFor(LegalEntityId legalEntity) {
        ReferenceDataProperties.LegalEntity entity = reference.legalEntities().get(legalEntity.value());
        if (entity == null || entity.erp() == null) {
            throw new RuleViolation(ErrorCode.UNKNOWN_LEGAL_ENTITY, "legal entity " + legalEntity
                    + " has no ERP route; known legal entities: " + reference.legalEntities().keySet());
        }
        return new RoutingDecision(legalEntity, SystemId.of(entity.erp()), entity.taxRegime(), entity.region(),
                entity.routingVersion());
    }
}
