package org.integrationledger.query.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The region each system of record serves ({@code ledger.reference.systems.<id>.region}; unlisted or without a
 * region: GLOBAL), for the divergences of a document whose own region is not known yet: one known only to the
 * system that reported it before its source did.
 */
@ConfigurationProperties("ledger.reference")
record SystemRegions(Map<String, SystemOfRecord> systems) {

    static final String GLOBAL = "GLOBAL";

    SystemRegions {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
    }

    static SystemRegions of(Map<String, String> regions) {
        return new SystemRegions(regions.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> new SystemOfRecord(e.getValue()))));
    }

    String of(String system) {
        SystemOfRecord known = system == null ? null : systems.get(system);
        return known == null || known.region() == null || known.region().isBlank() ? GLOBAL : known.region();
    }

    /** The part of a system's reference data the reconciliation view needs. */
    record SystemOfRecord(String region) {
    }
}
