package org.integrationledger.simulator.faults;

import java.util.List;

/**
 * The figures of one scenario: traffic, kills, and what the view-vs-store check found. {@code eventsAppliedTwice} sums
 * what counting views hold above the store; {@code documentsMismatching} counts documents (and count rows) on which
 * any view disagrees with the store, either way. {@code findings} name them. {@code other} holds the scenario's own
 * figures and starts with {@code FAILED} when its own conditions failed; {@code messagesSent} is -1 for a scenario
 * that did not run.
 */
record ScenarioResult(Scenario scenario, long messagesSent, long acknowledged, int kills, long eventsLost,
                      long eventsAppliedTwice, long documentsMismatching, List<String> checksumMismatches,
                      String other, boolean caughtUp, double seconds, List<String> findings) {

    /** A scenario that could not run here ({@code reason}); its figures are not counted, and it does not fail the run. */
    static ScenarioResult notRun(Scenario scenario, String reason) {
        return new ScenarioResult(scenario, -1, 0, 0, 0, 0, 0, List.of(), reason, true, 0, List.of());
    }

    boolean ran() {
        return messagesSent >= 0;
    }

    boolean passed() {
        return !ran() || (eventsLost == 0 && eventsAppliedTwice == 0 && documentsMismatching == 0
                && checksumMismatches.isEmpty() && caughtUp && !other.startsWith("FAILED"));
    }
}
