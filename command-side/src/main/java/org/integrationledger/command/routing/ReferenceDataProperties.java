package org.integrationledger.command.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.List;
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

    /**
     * A legal entity / company code with its country, currency, ERP, tax regime and region. {@code routingVersion}
     * numbers this legal entity's routing rule: raise it whenever {@code erp} or {@code taxRegime} changes (the
     * phased migration), so every routing decision recorded on a document says which rule made it.
     * {@code currencies} lists every currency its orders and invoices may be in, when that is more than its
     * {@code currency}.
     */
    public record LegalEntity(String country, String currency, String erp, String taxRegime, String region,
                              Integer routingVersion, List<String> currencies) {

        @ConstructorBinding
        public LegalEntity {
            region = region == null || region.isBlank() ? "GLOBAL" : region;
            routingVersion = routingVersion == null ? 1 : routingVersion;
            if (routingVersion < 1) {
                throw new IllegalArgumentException("routing-version must be >= 1");
            }
            currencies = currencies == null ? List.of() : List.copyOf(currencies);
        }

        public LegalEntity(String country, String currency, String erp, String taxRegime, String region,
                           Integer routingVersion) {
            this(country, currency, erp, taxRegime, region, routingVersion, null);
        }
    }
}
