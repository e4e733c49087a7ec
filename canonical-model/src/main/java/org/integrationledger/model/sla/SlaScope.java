package org.integrationledger.model.sla;

import java.util.List;

/**
 * Which documents a rule applies to; an empty list means "any". A clock whose legal entity, system or region
 * is known and outside the scope is dropped; one whose attributes are not known yet keeps running.
 */
public record SlaScope(List<String> legalEntities, List<String> regions, List<String> systems) {

    public static final SlaScope ANY = new SlaScope(List.of(), List.of(), List.of());

    public SlaScope {
        legalEntities = legalEntities == null ? List.of() : List.copyOf(legalEntities);
        regions = regions == null ? List.of() : List.copyOf(regions);
        systems = systems == null ? List.of() : List.copyOf(systems);
    }

    /** False only when a known attribute is outside a non-empty list; unknown (null) attributes never exclude. */
    public boolean admits(String legalEntity, String region, String system) {
        return admits(legalEntities, legalEntity) && admits(regions, region) && admits(systems, system);
    }

    private static boolean admits(List<String> allowed, String value) {
        return allowed.isEmpty() || value == null || allowed.contains(value);
    }
}
