package org.integrationledger.query.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.StringJoiner;

/**
 * Times the steps of one projection's switch and logs them on one line: the live processors stand still for the
 * whole switch, so an operator (and the benchmark) should see which step its time goes to.
 */
public final class SwitchSteps {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchSteps.class);

    private final String projection;
    private final StringJoiner steps = new StringJoiner(", ");
    private long since = System.nanoTime();

    public SwitchSteps(String projection) {
        this.projection = projection;
    }

    /** Ends the step that ran since the previous one (or since this was made). */
    public void step(String name) {
        long now = System.nanoTime();
        steps.add(name + " " + (now - since) / 1_000_000 + " ms");
        since = now;
    }

    public void log() {
        LOG.info("Switch of {}: {}", projection, steps);
    }
}
