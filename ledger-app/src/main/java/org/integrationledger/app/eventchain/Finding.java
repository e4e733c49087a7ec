package org.integrationledger.app.eventchain;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One broken link: the event it concerns (aggregate, sequence, global index where known) and what is wrong.
 *
 * @param problem stable code of what is wrong (see docs/audit.md)
 */
public record Finding(
        @Schema(description = "the aggregate (document) whose chain is broken")
        String aggregateId,
        Long sequenceNumber,
        @Schema(description = "the event's global index; null only when neither the table nor a checkpoint knows it")
        Long globalIndex,
        @Schema(description = "hash-mismatch, hash-missing, sequence-missing, sequence-not-from-zero, event-deleted, "
                + "event-inserted, event-moved, event-hash-changed, checkpoint-mac-invalid, "
                + "checkpoint-entries-altered, checkpoint-missing, checkpoint-other-key")
        String problem,
        String detail) {

    Finding withGlobalIndex(Long index) {
        return new Finding(aggregateId, sequenceNumber, index, problem, detail);
    }
}
