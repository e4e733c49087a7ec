package org.integrationledger.simulator.workload;

import java.util.List;
import java.util.SplittableRandom;

/** The reference configuration of DOMAIN.md: legal entities, their ERP and currency, and each system's dev key. */
public final class ReferenceScenario {

    /** A legal entity, the ERP it is routed to and the weight of its share of traffic. */
    public record LegalEntity(String id, String country, String currency, String erp, String erpKey, int weight) {
    }

    public static final String PROCUREMENT_KEY = "dev-procurement-key";
    /** Reads the boards and documents (viewer). */
    public static final String REPORTING_KEY = "dev-reporting-key";
    /** Reads audit history, the past as of an instant, and verifies the chain (auditor). */
    public static final String AUDITOR_KEY = "dev-auditor-key";
    /** Starts and follows rebuilds, loads benchmark data, acts on dead letters, reads the actuator (admin). */
    public static final String ADMIN_KEY = "dev-operations-admin-key";

    // Shares: North America on the cloud ERP carries a little less than half of the volume.
    public static final List<LegalEntity> LEGAL_ENTITIES = List.of(
            new LegalEntity("US01", "US", "USD", "ERP_NA", "dev-erp-na-key", 35),
            new LegalEntity("CA01", "CA", "CAD", "ERP_NA", "dev-erp-na-key", 10),
            new LegalEntity("DE01", "DE", "EUR", "ERP_EMEA", "dev-erp-emea-key", 25),
            new LegalEntity("FR01", "FR", "EUR", "ERP_EMEA", "dev-erp-emea-key", 15),
            new LegalEntity("GB01", "GB", "GBP", "ERP_EMEA", "dev-erp-emea-key", 15));

    private static final int TOTAL_WEIGHT = LEGAL_ENTITIES.stream().mapToInt(LegalEntity::weight).sum();

    private ReferenceScenario() {
    }

    /**
     * The bank account a supplier of the run is onboarded with and treasury pays: a function of the supplier id
     * alone, so a payment names the golden record's account without knowing how the supplier was onboarded.
     */
    public static String bankAccountOf(String supplierId) {
        return "ZZ00" + String.format("%018d", Math.abs((long) supplierId.hashCode()));
    }

    public static LegalEntity pickLegalEntity(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (LegalEntity entity : LEGAL_ENTITIES) {
            ticket -= entity.weight();
            if (ticket < 0) {
                return entity;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    public static LegalEntity legalEntity(String id) {
        return LEGAL_ENTITIES.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    public static String keyOf(String system) {
        return switch (system) {
            case "PROCUREMENT" -> PROCUREMENT_KEY;
            case "ERP_NA" -> "dev-erp-na-key";
            case "ERP_EMEA" -> "dev-erp-emea-key";
            case "TAX_ENGINE" -> "dev-tax-key";
            case "TREASURY" -> "dev-treasury-key";
            default -> throw new IllegalArgumentException("no development key for " + system);
        };
    }
}
