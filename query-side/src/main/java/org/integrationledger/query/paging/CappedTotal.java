package org.integrationledger.query.paging;

/**
 * The total of a paged list, counted up to a cap: exact when at most {@code cap} rows match, else {@code cap} with
 * {@code exact = false}.
 */
public record CappedTotal(long total, boolean exact) {

    /**
     * Wraps a count that looked at no more than {@code cap + 1} rows: SQL of the form
     * {@code SELECT count(*) FROM (SELECT 1 FROM ... WHERE ... LIMIT :cap + 1)}.
     */
    public static CappedTotal of(long countedUpToCapPlusOne, int cap) {
        return countedUpToCapPlusOne > cap ? new CappedTotal(cap, false) : new CappedTotal(countedUpToCapPlusOne, true);
    }
}
