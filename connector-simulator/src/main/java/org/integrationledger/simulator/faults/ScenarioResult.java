package org.integrationledger.simulator.faults;

import java.util.List;

/**
 * The figures of one scenario: traffic, kills, and what the view-vs-store check found. {@code eventsAppliedTwice} sums
 * what counting views hold above the store; {@code documentsMismatching} counts documents (and count rows) on which
 * any view disagrees with the store, either way. {@code findings} name them.
 */
record ScenarioResult(Scenario scenario, long messagesSent, long acknowledged, int kills, long eventsLost,
                      long eventsAppliedTwice, long documentsMismatching, List<String> checksumMismatches,
                      String other, boolean caughtUp, double seconds, List<String> findings) {

    static ScenarioResult notImplemented(Scenario scenario) {
        return new ScenarioResult(scenario, 0, 0, 0, 0, 0, 0, List.of(), "not implemented yet", true, 0, List.of());
    }

    boolean ran() {
        return scenario.implemented();
    }

    boolean passed() {
        return !ran() || (eventsLost == 0 && eventsAppliedTwice == 0 && documentsMismatching == 0
                && checksumMismatches.isEmpty() && caughtUp && !other.startsWith("FAILED"));
    }
}
