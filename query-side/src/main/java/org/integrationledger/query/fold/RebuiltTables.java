package org.integrationledger.query.fold;

import org.integrationledger.query.rebuild.BoundedStates;

import java.io.Serializable;

/**
 * How a fold's rebuilt states become its tables at a rebuild's switch; the steps are those of
 * {@link org.integrationledger.query.rebuild.RebuildableProjection.Rebuild}, given the rebuilt states.
 */
public interface RebuiltTables<S extends Serializable> {

    /**
     * Whether the host keeps the rebuilt states until the switch (bounded, spilled beyond that): by default it does.
     * Tables whose every event makes a row of its own that no later event changes (the trace: one row per event,
     * keyed by its id) answer false and take each state as the fold makes it ({@link #append}); the host then keeps
     * none, and hands null for the states to the steps below.
     */
    default boolean keepsStates() {
        return true;
    }

    /** One rebuilt state as the fold made it; called only when {@link #keepsStates()} is false. */
    default void append(S state) {
        throw new UnsupportedOperationException("these tables are written from the kept states");
    }

    /** Once the store is read, before the processors stop. */
    default void prepareSwitch(BoundedStates<S> states) {
    }

    /** In the switch's transaction, with the processors stopped. */
    void replaceLive(BoundedStates<S> states);

    /** In the same transaction, after every rebuild's {@link #replaceLive}. */
    default void swapIn() {
    }
}
