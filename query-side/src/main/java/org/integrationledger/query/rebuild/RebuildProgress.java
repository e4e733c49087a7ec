package org.integrationledger.query.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Where a projection rebuild stands. */
public record RebuildProgress(
        String projection,
        @Schema(description = "RUNNING, SWITCHING (catching up the last events, the live view stays readable), "
                + "COMPLETED or FAILED")
        String state,
        long eventsProcessed,
        @Schema(description = "global index of the newest event when the rebuild started")
        long targetIndex,
        @Schema(description = "0-100, by global index reached against targetIndex")
        double percent,
        double eventsPerSecond,
        @Schema(description = "estimated seconds to reach targetIndex; null when unknown")
        Long etaSeconds,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "checksum of the rebuilt projection when COMPLETED")
        String checksum,
        @Schema(description = "rebuilt states (documents, views) written to PostgreSQL because more than "
                + "ledger.rebuild.states-in-memory were in memory; 0 when all fitted")
        long statesSpilled,
        @Schema(description = "spilled states read back because a later event touched them again; many of them "
                + "mean ledger.rebuild.states-in-memory is small for the store")
        long statesReadBack,
        @Schema(description = "documents left out of the rebuilt views from an event holding a value no view can "
                + "store (docs/architecture.md, \"What a view can hold\"); the live projections park the same "
                + "documents")
        long documentsLeftOut,
        String failure) {
}
