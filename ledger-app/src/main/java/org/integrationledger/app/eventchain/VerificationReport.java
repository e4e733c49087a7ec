package org.integrationledger.app.eventchain;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The outcome of walking the event chain and the checkpoints over a scope. */
public record VerificationReport(
        @Schema(description = "true when no broken link was found in the scope")
        boolean intact,
        @Schema(description = "the broken link with the lowest global index, or null")
        Finding firstBrokenLink,
        @Schema(description = "every broken link found, lowest global index first (at most 100)")
        List<Finding> brokenLinks,
        String scope,
        long eventsChecked,
        long aggregatesChecked,
        long checkpointsChecked,
        @Schema(description = "the newest checkpoint that, with every checkpoint before it, verified")
        CheckpointSummary latestVerifiedCheckpoint,
        @Schema(description = "the highest global index sealed by any checkpoint; events above it are covered by "
                + "their aggregate chains only, until the next checkpoint")
        long sealedUpTo) {

    public VerificationReport {
        brokenLinks = List.copyOf(brokenLinks);
    }
}
