package org.integrationledger.query.rebuild;

import java.util.List;

/** A rebuild was asked for while another (of any projection) runs; only one runs at a time. */
public final class RebuildAlreadyRunning extends RuntimeException {

    private final List<String> running;

    RebuildAlreadyRunning(List<String> running) {
        super("a rebuild of " + String.join(", ", running) + " is running; start another once it has ended");
        this.running = List.copyOf(running);
    }

    /** The projections whose rebuild is running. */
    public List<String> running() {
        return running;
    }
}
