package org.integrationledger.command.invoice;

import org.integrationledger.model.shared.LegalEntityId;

/** Rule: a legal entity's invoice exceptions go to the region and work queue configured for it. */
public class ExceptionRouting {

    /** Region of a legal entity nobody configured one for. */
    public static final String DEFAULT_REGION = "GLOBAL";

    private final InvoiceProperties properties;

    public ExceptionRouting(InvoiceProperties properties) {
        this.properties = properties;
    }

    public String regionOf(LegalEntityId legalEntity) {
        InvoiceProperties.LegalEntitySettings settings = properties.legalEntities().get(legalEntity.value());
        return settings == null || settings.region() == null ? DEFAULT_REGION : settings.region();
    }

    public String queueOf(LegalEntityId legalEntity) {
        InvoiceProperties.LegalEntitySettings settings = properties.legalEntities().get(legalEntity.value());
        return settings == null || settings.queue() == null ? properties.defaultQueue() : settings.queue();
    }
}
