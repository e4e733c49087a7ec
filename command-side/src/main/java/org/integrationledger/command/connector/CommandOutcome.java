package org.integrationledger.command.connector;

import org.springframework.http.ResponseEntity;

import java.util.List;

/**
 * What the ledger recorded for one connector message: the document, its ledger version (the sequence
 * number of its last event) and the event types written. A retried message gets the same outcome back,
 * with {@code replayed} set and nothing written again.
 */
public record CommandOutcome(String documentId, long ledgerVersion, List<String> recorded, boolean replayed) {

    /** Response header telling a connector whether this answer replays the first outcome of its message id. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public CommandOutcome {
        recorded = List.copyOf(recorded);
    }

    public CommandOutcome(String documentId, long ledgerVersion, List<String> recorded) {
        this(documentId, ledgerVersion, recorded, false);
    }

    /** The connector endpoints' answer: 200 with this outcome and the replay header. */
    public ResponseEntity<CommandOutcome> asResponse() {
        return ResponseEntity.ok().header(REPLAYED_HEADER, Boolean.toString(replayed)).body(this);
    }
}
