package org.integrationledger.command.connector;

import org.integrationledger.command.outcome.CommandOutcome;
import org.springframework.http.ResponseEntity;

/** How the connector endpoints answer a recorded outcome: 200 with the outcome and the replay header. */
public final class OutcomeResponse {

    /** Response header telling a connector whether this answer replays the first outcome of its message id. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private OutcomeResponse() {
    }

    public static ResponseEntity<CommandOutcome> of(CommandOutcome outcome) {
        return ResponseEntity.ok().header(REPLAYED_HEADER, Boolean.toString(outcome.replayed())).body(outcome);
    }
}
