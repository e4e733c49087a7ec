package org.integrationledger.query.sla;

import org.integrationledger.model.sla.SlaRuleDefinition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which clocks a rule opens on a start event and which it closes on a stop event, decided from the event's
 * registered fields and what is remembered of its document; {@link SlaClockProjection} only stores the outcome.
 */
final class SlaClockRules {

    /** The clock key part of a clock that waits for no system of its own. */
    static final String NO_SYSTEM = "-";

    private SlaClockRules() {
    }

    /** One clock a start event opens: its key within the rule and document, and what it waits for. */
    record ClockStart(String clockKey, String system, String region, Integer version) {
    }

    /**
     * Which open clocks a stop event closes: those of {@code system} only when {@code onlySystem} (one clock per
     * target), those waiting for no system or for {@code system} when {@code systemOrNone}, those started for
     * {@code version} or older when it is set, the one clock of {@code clockKey} when it is set.
     */
    record ClockStop(String system, boolean onlySystem, boolean systemOrNone, Integer version, String clockKey) {
    }

    /**
     * The clocks the rule opens on this start event: one per system the rule's per-system field names (else one),
     * each in the region of the system it waits for (else the document's), none outside the rule's scope and none
     * for a paired rule whose event carries no pair.
     *
     * @param remembered the document's remembered fields (legal entity, region, the rule's system field)
     * @param regionOf   the region of a system
     */
    static List<ClockStart> starts(SlaRuleDefinition rule, Object event, Map<String, String> remembered,
                                   Function<String, String> regionOf) {
        List<String> systems = rule.clockPerSystem() == null
                ? Collections.singletonList(rule.systemField() == null ? null : remembered.get(rule.systemField()))
                : SlaEvents.values(event, rule.clockPerSystem());
        Integer version = version(rule, event);
        String pair = pairOf(rule, event);
        if (rule.pairField() != null && pair == null) {
            return List.of();
        }
        String legalEntity = remembered.get(SlaEvents.LEGAL_ENTITY);
        List<ClockStart> starts = new ArrayList<>();
        for (String system : systems) {
            // The waited-for system's region; without one, the document's own (an invoice's region).
            String region = system == null && remembered.get(SlaEvents.REGION) != null
                    ? remembered.get(SlaEvents.REGION) : regionOf.apply(system);
            if (!rule.scope().admits(legalEntity, region, system)) {
                continue;
            }
            String clockKey = (rule.clockPerSystem() == null || system == null ? NO_SYSTEM : system)
                    + (version == null ? "" : "@v" + version) + (pair == null ? "" : "#" + pair);
            starts.add(new ClockStart(clockKey, system, region, version));
        }
        return starts;
    }

    /** The clocks the rule closes on this stop event; none when the event cannot say which (no system, no pair). */
    static List<ClockStop> stops(SlaRuleDefinition rule, Object event) {
        String reporting = SlaEvents.value(event, SlaEvents.REPORTING_SYSTEM);
        if (rule.clockPerSystem() != null && reporting == null) {
            return List.of();
        }
        String clockKey = null;
        if (rule.pairField() != null) {
            // Only the clock its own start event opened: the exception of this number, the payment of this reference.
            String pair = pairOf(rule, event);
            if (pair == null) {
                return List.of();
            }
            // pair-field excludes clock-per-system and version-field (SlaRuleDefinition), so the key is exact.
            clockKey = NO_SYSTEM + "#" + pair;
        }
        boolean onlySystem = rule.clockPerSystem() != null;
        // The clock waits for one system (the order's ERP); another system's report does not stop it.
        boolean systemOrNone = !onlySystem && rule.systemField() != null && reporting != null;
        return List.of(new ClockStop(reporting, onlySystem, systemOrNone, version(rule, event), clockKey));
    }

    static String pairOf(SlaRuleDefinition rule, Object event) {
        return rule.pairField() == null ? null : SlaEvents.value(event, rule.pairField());
    }

    static Integer version(SlaRuleDefinition rule, Object event) {
        if (rule.versionField() == null) {
            return null;
        }
        String value = SlaEvents.value(event, rule.versionField());
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
