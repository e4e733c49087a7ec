package org.integrationledger.command.routing;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule: a legal entity's orders and invoices are in the currencies it books in, its configured
 * {@code currencies}, or else its one {@code currency}. A legal entity with neither accepts any currency.
 * Each currency in the configuration is checked at start-up, so a typo fails there rather than refusing orders.
 */
public class LegalEntityCurrencies {

    private final ReferenceDataProperties reference;

    public LegalEntityCurrencies(ReferenceDataProperties reference) {
        this.reference = reference;
        reference.legalEntities().forEach((id, entity) -> allowed(entity).forEach(code -> {
            try {
                CurrencyCode.money(code);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ledger.reference.legal-entities." + id + ": " + e.getMessage(), e);
            }
        }));
    }

    /** Whether the legal entity books in the currency (an unknown legal entity is answered by routing). */
    public boolean allows(LegalEntityId legalEntity, CurrencyCode currency) {
        ReferenceDataProperties.LegalEntity entity = reference.legalEntities().get(legalEntity.value());
        List<String> allowed = entity == null ? List.of() : allowed(entity);
        return allowed.isEmpty() || allowed.contains(currency.value());
    }

    public void requireAllowed(LegalEntityId legalEntity, CurrencyCode currency) {
        ReferenceDataProperties.LegalEntity entity = reference.legalEntities().get(legalEntity.value());
        if (entity == null) {
            return; // the routing rule answers unknown-legal-entity
        }
        List<String> allowed = allowed(entity);
        if (!allowed.isEmpty() && !allowed.contains(currency.value())) {
            throw new RuleViolation(ErrorCode.CURRENCY_NOT_ALLOWED_FOR_LEGAL_ENTITY, "legal entity " + legalEntity
                    + " books in " + String.join(", ", allowed) + ", not " + currency
                    + " (ledger.reference.legal-entities." + legalEntity + ".currencies)");
        }
    }

    private static List<String> allowed(ReferenceDataProperties.LegalEntity entity) {
        List<String> allowed = new ArrayList<>(entity.currencies());
        if (allowed.isEmpty() && entity.currency() != null && !entity.currency().isBlank()) {
            allowed.add(entity.currency());
        }
        return allowed;
    }
}
