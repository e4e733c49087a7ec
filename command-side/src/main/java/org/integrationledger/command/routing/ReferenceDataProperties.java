package org.integrationledger.command.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The systems of record and legal entities the ledger knows, from configuration ({@code ledger.reference}).
 * Moving a legal entity to another ERP, or adding one, is a change here and nowhere else.
 */
@ConfigurationProperties("ledger.reference")
public record ReferenceDataProperties(Map<String, SystemOfRecord> systems, Map<String, LegalEntity> legalEntities) {

    public ReferenceDataProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
        legalEntities = legalEntities == null ? Map.of() : Map.copyOf(legalEntities);
    }

    /** A system that reports to the ledger; {@code kind} is PROCUREMENT, ERP, TAX or TREASURY. */
    public record SystemOfRecord(String kind, String description) {
    }

    /** A legal entity / company code with its country, currency, ERP and tax regime. */
    public record LegalEntity(String country, String currency, String erp, String taxRegime) {
    }
}
