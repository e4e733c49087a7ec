package org.integrationledger.model.sla;

import java.time.Duration;
import java.util.List;

/**
 * One business SLA: the clock starts on {@code startEvent} and stops on any of {@code stopEvents} of the same
 * document (aggregate), both named by the event's simple class name, measured on the events' business time.
 *
 * @param warningThreshold share of the limit after which a running clock is at risk (0 &lt; t &lt; 1)
 * @param clockPerSystem   optional path into the start event naming the systems that each get their own clock
 *                         (e.g. {@code targets.system}); a stop event then stops only the clock of its
 *                         reporting system
 * @param systemField      optional component naming the system a document's clock waits for (e.g.
 *                         {@code routedTo}), read from any event of the document, earlier or later
 * @param versionField     optional component holding a document version on both start and stop event; a stop
 *                         event then stops only clocks started for that version or an older one
 * @param startAlternatives events that prove the same start fact when {@code startEvent} was skipped (an order
 *                         procurement reports issued was approved): the clock starts on whichever of them is
 *                         recorded first, never restarts on a later one, and runs from the earliest business time
 *                         among them
 */
public record SlaRuleDefinition(String name, String startEvent, List<String> stopEvents, Duration limit,
        double warningThreshold, String severity, SlaScope scope, String clockPerSystem, String systemField,
        String versionField, String pairField, List<String> startAlternatives) {

    /** A rule whose start event is the only proof of its start fact. */
    public SlaRuleDefinition(String name, String startEvent, List<String> stopEvents, Duration limit,
                             double warningThreshold, String severity, SlaScope scope, String clockPerSystem,
                             String systemField, String versionField, String pairField) {
        this(name, startEvent, stopEvents, limit, warningThreshold, severity, scope, clockPerSystem, systemField,
                versionField, pairField, List.of());
    }

    public SlaRuleDefinition {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw new IllegalArgumentException("SLA rule name '" + name + "' must be lower-case letters, digits and dashes");
        }
        if (startEvent == null || startEvent.isBlank()) {
            throw new IllegalArgumentException("SLA rule " + name + " needs a start event");
        }
        if (stopEvents == null || stopEvents.isEmpty() || stopEvents.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("SLA rule " + name + " needs at least one stop event");
        }
        stopEvents = List.copyOf(stopEvents);
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("SLA rule " + name + " needs a positive limit");
        }
        if (!(warningThreshold > 0 && warningThreshold < 1)) {
            throw new IllegalArgumentException("SLA rule " + name + ": warning threshold must be between 0 and 1");
        }
        if (severity == null || severity.isBlank()) {
            throw new IllegalArgumentException("SLA rule " + name + " needs a severity");
        }
        scope = scope == null ? SlaScope.ANY : scope;
        clockPerSystem = blankToNull(clockPerSystem);
        systemField = blankToNull(systemField);
        versionField = blankToNull(versionField);
        pairField = blankToNull(pairField);
        // Recorded before alternatives existed: the start event alone.
        startAlternatives = startAlternatives == null ? List.of() : List.copyOf(startAlternatives);
        if (startAlternatives.stream().anyMatch(s -> s == null || s.isBlank() || s.equals(startEvent))) {
            throw new IllegalArgumentException("SLA rule " + name + ": start alternatives must name other events");
        }
        if (pairField != null && (clockPerSystem != null || versionField != null)) {
            throw new IllegalArgumentException("SLA rule " + name + ": pair-field pairs each start event with its own "
                    + "stop event and cannot be combined with clock-per-system or version-field");
        }
    }

    /** True when {@code eventType} starts this rule's clock: its start event or one of the alternatives. */
    public boolean startsOn(String eventType) {
        return startEvent.equals(eventType) || startAlternatives.contains(eventType);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
