package org.integrationledger.model.shared;

/**
 * Where a legal entity's document was routed and why: the ERP that must acknowledge it, the tax regime and region
 * configured for the legal entity, and the version of that legal entity's routing rule that decided it. Recorded on
 * the event that creates the document, so history shows why it went where it did even after the legal entity
 * moves to another ERP.
 */
public record RoutingDecision(LegalEntityId legalEntity, SystemId erp, String taxRegime, String region,
                              int ruleVersion) {

    public RoutingDecision {
        Checks.required(legalEntity, "legalEntity");
        Checks.required(erp, "erp");
        Checks.required(region, "region");
        if (ruleVersion < 1) {
            throw new IllegalArgumentException("ruleVersion must be >= 1");
        }
    }
}
