package org.integrationledger.command.invoice;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;

import java.util.List;

/**
 * Rule: tax is validated under the legal entity's tax regime (reference data), and a failure must carry reason
 * codes that regime knows (configuration), so EMEA VAT and NA sales/use tax differ by data, not by code path.
 */
public class TaxRegimes {

    /** Regime of a legal entity with none configured. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    private final ReferenceDataProperties reference;
    private final InvoiceProperties properties;

    public TaxRegimes(ReferenceDataProperties reference, InvoiceProperties properties) {
        this.reference = reference;
        this.properties = properties;
    }

    public String regimeOf(LegalEntityId legalEntity) {
        ReferenceDataProperties.LegalEntity entity = reference.legalEntities().get(legalEntity.value());
        return entity == null || entity.taxRegime() == null ? UNSPECIFIED : entity.taxRegime();
    }

    void checkReasonCodes(String regime, List<String> reasonCodes) {
        InvoiceProperties.TaxRegimeSettings settings = properties.taxRegimes().get(regime);
        List<String> known = settings == null ? List.of() : settings.reasonCodes();
        List<String> unknown = reasonCodes.stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation(ErrorCode.UNKNOWN_TAX_REASON, "reason codes " + unknown + " are not known for tax "
                    + "regime " + regime + "; known: " + known);
        }
    }
}
