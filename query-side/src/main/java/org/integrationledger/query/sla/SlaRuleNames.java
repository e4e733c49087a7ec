package org.integrationledger.query.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event and field names of the configured SLA rules ({@code ledger.sla.rules}), checked against what the clocks
 * can read ({@link SlaEvents}) when the application starts: a misspelt event or field fails the start-up instead of
 * recording a rule whose clock would never start or stop. The command side records the rules themselves.
 */
@ConfigurationProperties("ledger.sla")
record SlaRuleNames(Map<String, Names> rules) {

    SlaRuleNames {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        List<String> problems = new ArrayList<>();
        new TreeMap<>(rules).forEach((rule, names) -> names.problems()
                .forEach(problem -> problems.add("SLA rule " + rule + ": " + problem)));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The names one rule uses; its other settings are the command side's. */
    record Names(Boolean enabled, String startEvent, List<String> startAlternatives, List<String> stopEvents,
                 String clockPerSystem, String systemField, String versionField, String pairField) {

        List<String> problems() {
            if (Boolean.FALSE.equals(enabled) || startEvent == null || stopEvents == null) {
                // A disabled rule is not recorded; a rule without events is refused by the command side already.
                return List.of();
            }
            return SlaEvents.problems(startEvent, startAlternatives == null ? List.of() : startAlternatives,
                    stopEvents, blankToNull(clockPerSystem), blankToNull(systemField), blankToNull(versionField),
                    blankToNull(pairField));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
