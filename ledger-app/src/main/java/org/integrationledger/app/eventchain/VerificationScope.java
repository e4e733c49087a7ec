package org.integrationledger.app.eventchain;

import org.integrationledger.model.shared.DocumentKey;

/**
 * What a verification walks: one aggregate's chain, the aggregates with an event in a global-index range, or
 * (both null) everything. Checkpoints are always checked for their own integrity; their entries are compared in
 * the scope only.
 */
public record VerificationScope(String aggregateId, Long fromIndex, Long toIndex) {

    public VerificationScope {
        if (aggregateId != null && fromIndex != null) {
            throw new IllegalArgumentException("verify either one aggregate or a global-index range, not both");
        }
        if ((fromIndex == null) != (toIndex == null)) {
            throw new IllegalArgumentException("a global-index range needs both fromIndex and toIndex");
        }
        if (fromIndex != null && (fromIndex < 1 || toIndex < fromIndex)) {
            throw new IllegalArgumentException("the range needs 1 <= fromIndex <= toIndex");
        }
    }

    public static VerificationScope everything() {
        return new VerificationScope(null, null, null);
    }

    public static VerificationScope aggregate(String aggregateId) {
        return new VerificationScope(aggregateId, null, null);
    }

    boolean covers(String aggregate, long globalIndex) {
        if (aggregateId != null) {
            // A checkpoint sealed before ids became per document type names the document by its business id.
            return aggregateId.equals(aggregate) || (DocumentKey.parse(aggregate).isEmpty()
                    && DocumentKey.businessIdOf(aggregateId).equals(aggregate));
        }
        return fromIndex == null || (globalIndex >= fromIndex && globalIndex <= toIndex);
    }

    boolean overlaps(long from, long to) {
        return fromIndex == null || (from <= toIndex && to >= fromIndex);
    }

    String describe() {
        if (aggregateId != null) {
            return "aggregate " + aggregateId;
        }
        return fromIndex == null ? "everything" : "global index " + fromIndex + ".." + toIndex;
    }
}
