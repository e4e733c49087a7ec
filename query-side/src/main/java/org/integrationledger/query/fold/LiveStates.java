package org.integrationledger.query.fold;

/**
 * Where a fold's live states are kept: the projection's tables, inside the event processor's transaction (one per
 * batch), so a batch's rows and its token commit together.
 */
public interface LiveStates<S> {

    /** The stored state, or null if the document has none yet. */
    S load(String key);

    /** Stores {@code state}; {@code before} is what {@link #load} answered (null for a new document). */
    void save(String key, S before, S state);

    /**
     * The key an earlier event linked {@code via} to ({@link Fold#link}), as the stored rows tell, or null if none.
     * Only a fold that links keys asks; its rows must keep the link (the accrual facts name their invoice).
     */
    default String linked(String via) {
        throw new UnsupportedOperationException("this fold links no keys");
    }
}
