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
}
