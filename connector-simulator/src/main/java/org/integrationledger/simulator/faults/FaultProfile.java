package org.integrationledger.simulator.faults;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How hard a run pushes: connections of traffic, kills of the single node and of the two nodes' segment owner, when
 * a kill falls after the traffic (re)started, and how many documents are sent to both nodes at once.
 * {@code ci} is the bounded profile the test suite runs; {@code long} is run by hand.
 */
record FaultProfile(String name, int connections, int singleNodeKills, int ownerKills, double killAfterMinSeconds,
                    double killAfterMaxSeconds, boolean burst, boolean targeted, int sameMessageDocuments, long seed,
                    Set<Scenario> scenarios) {

    static FaultProfile named(String name) {
        return switch (name) {
            // The Kafka intake kill runs by hand (long, or --scenarios=kafka-intake-killed), not in the test suite.
            case "ci" -> new FaultProfile("ci", 12, 3, 2, 0.5, 20, true, true, 20, 42,
                    EnumSet.complementOf(EnumSet.of(Scenario.KAFKA_INTAKE_KILLED)));
            case "long" -> new FaultProfile("long", 20, 12, 6, 5, 20, false, false, 100, 42, EnumSet.allOf(Scenario.class));
            default -> throw new IllegalArgumentException("--profile=" + name + ": use ci or long");
        };
    }

    /** The named profile with the flags that override it ({@code --connections=20 --kills=5 ...}). */
    static FaultProfile of(Map<String, String> flags) {
        FaultProfile base = named(flags.getOrDefault("profile", "ci"));
        Set<Scenario> scenarios = base.scenarios;
        if (flags.containsKey("scenarios")) {
            scenarios = EnumSet.noneOf(Scenario.class);
            for (String scenario : flags.get("scenarios").split(",")) {
                scenarios.add(Scenario.valueOf(scenario.trim().toUpperCase().replace('-', '_')));
            }
        }
        return new FaultProfile(base.name,
                Integer.parseInt(flags.getOrDefault("connections", Integer.toString(base.connections))),
                Integer.parseInt(flags.getOrDefault("kills", Integer.toString(base.singleNodeKills))),
                Integer.parseInt(flags.getOrDefault("owner-kills", Integer.toString(base.ownerKills))),
                Double.parseDouble(flags.getOrDefault("kill-after-min", Double.toString(base.killAfterMinSeconds))),
                Double.parseDouble(flags.getOrDefault("kill-after-max", Double.toString(base.killAfterMaxSeconds))),
                Boolean.parseBoolean(flags.getOrDefault("burst", Boolean.toString(base.burst))),
                Boolean.parseBoolean(flags.getOrDefault("targeted", Boolean.toString(base.targeted))),
                Integer.parseInt(flags.getOrDefault("same-message-documents",
                        Integer.toString(base.sameMessageDocuments))),
                Long.parseLong(flags.getOrDefault("seed", Long.toString(base.seed))), scenarios);
    }

    @Override
    public String toString() {
        return name + ": " + connections + " connections, " + singleNodeKills + " kills of one node, " + ownerKills
                + " of the segment owner of two, each " + killAfterMinSeconds + "-" + killAfterMaxSeconds
                + " s after the traffic (re)started" + (burst ? " (a burst after a caught-up pause)" : "")
                + (targeted ? ", at the first open redelivery window" : "") + "; "
                + sameMessageDocuments + " documents sent to both nodes; seed "
                + seed;
    }
}
