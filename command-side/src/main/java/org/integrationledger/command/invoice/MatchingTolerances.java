package org.integrationledger.command.invoice;

import org.integrationledger.model.shared.LegalEntityId;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rule: each legal entity matches with its own configured tolerances, or the default ones. */
public class MatchingTolerances {

    private final InvoiceProperties properties;

    public MatchingTolerances(InvoiceProperties properties) {
        this.properties = properties;
    }

    public InvoiceProperties.Tolerances forLegalEntity(LegalEntityId legalEntity) {
        InvoiceProperties.LegalEntitySettings settings = properties.legalEntities().get(legalEntity.value());
        return settings == null || settings.tolerances() == null ? properties.defaultTolerances()
                : settings.tolerances();
    }

    /** How far a value may deviate from {@code expected}: the stricter of the percentage and the absolute limit. */
    static BigDecimal allowedDeviation(InvoiceProperties.Tolerance tolerance, BigDecimal expected) {
        BigDecimal byPercent = tolerance.percent() == null ? null
                : expected.abs().multiply(tolerance.percent()).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_EVEN);
        if (byPercent == null && tolerance.absolute() == null) {
            return BigDecimal.ZERO;
        }
        if (byPercent == null) {
            return tolerance.absolute();
        }
        return tolerance.absolute() == null ? byPercent : byPercent.min(tolerance.absolute());
    }
}
