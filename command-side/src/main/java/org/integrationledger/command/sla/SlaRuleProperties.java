package org.integrationledger.command.sla;

import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaScope;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The business SLA rules ({@code ledger.sla.rules}), keyed by rule name. A rule naming an event type that does
 * not exist (yet) is valid and simply never starts a clock, so rules for a document type can ship before it.
 */
@ConfigurationProperties("ledger.sla")
public record SlaRuleProperties(Map<String, Rule> rules) {

    public SlaRuleProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        // Fails the start-up on a malformed rule, instead of recording it.
        definitions(rules);
    }

    public List<SlaRuleDefinition> definitions() {
        return definitions(rules);
    }

    private static List<SlaRuleDefinition> definitions(Map<String, Rule> rules) {
        return rules.entrySet().stream()
                .filter(rule -> rule.getValue().enabled() == null || rule.getValue().enabled())
                .map(rule -> rule.getValue().toDefinition(rule.getKey()))
                .sorted(Comparator.comparing(SlaRuleDefinition::name))
                .toList();
    }

    /** One configured rule; see docs/slas.md for each setting. */
    public record Rule(Boolean enabled, String startEvent, List<String> stopEvents, Duration limit,
                       Double warningThreshold, String severity, Scope scope, String clockPerSystem,
                       String systemField, String versionField, String pairField, List<String> startAlternatives) {

        SlaRuleDefinition toDefinition(String name) {
            Scope s = scope == null ? new Scope(null, null, null) : scope;
            return new SlaRuleDefinition(name, startEvent, stopEvents, limit,
                    warningThreshold == null ? 0.8 : warningThreshold, severity == null ? "MEDIUM" : severity,
                    new SlaScope(s.legalEntities(), s.regions(), s.systems()), clockPerSystem, systemField,
                    versionField, pairField, startAlternatives);
        }
    }

    public record Scope(List<String> legalEntities, List<String> regions, List<String> systems) {
    }
}
