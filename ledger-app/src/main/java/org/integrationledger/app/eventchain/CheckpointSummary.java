package org.integrationledger.app.eventchain;

import java.time.Instant;

/** A checkpoint as the API shows it: which global indexes it seals, how many events, with which key, when. */
public record CheckpointSummary(long checkpointId, long fromIndex, long toIndex, int eventCount, String keyId,
                                Instant createdAt) {
}
