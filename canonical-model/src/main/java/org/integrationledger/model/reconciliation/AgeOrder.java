package org.integrationledger.model.reconciliation;

/**
 * The direction of a reconciliation list along its own time: the oldest divergence when the list selects
 * divergences, the last business activity otherwise.
 */
public enum AgeOrder {
    OLDEST_FIRST,
    NEWEST_FIRST;

    /** What a list answers unasked: what has waited longest among divergences, the latest activity otherwise. */
    public static AgeOrder defaultFor(ReconciliationFilter filter) {
        return filter.selectsDivergences() ? OLDEST_FIRST : NEWEST_FIRST;
    }
}
