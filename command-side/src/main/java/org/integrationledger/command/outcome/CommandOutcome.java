package org.integrationledger.command.outcome;

import java.util.List;

/**
 * What the ledger recorded for one connector message: the document, its ledger version (the sequence
 * number of its last event) and the event types written. A retried message gets the same outcome back,
 * with {@code replayed} set and nothing written again.
 */
public record CommandOutcome(String documentId, long ledgerVersion, List<String> recorded, boolean replayed) {

    public CommandOutcome {
        recorded = List.copyOf(recorded);
    }

    public CommandOutcome(String documentId, long ledgerVersion, List<String> recorded) {
        this(documentId, ledgerVersion, recorded, false);
    }
}
