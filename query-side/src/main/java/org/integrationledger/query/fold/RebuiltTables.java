package org.integrationledger.query.fold;

import org.integrationledger.query.rebuild.BoundedStates;

import java.io.Serializable;

/**
 * How a fold's rebuilt states become its tables at a rebuild's switch; the steps are those of
 * {@link org.integrationledger.query.rebuild.RebuildableProjection.Rebuild}, given the rebuilt states.
 */
public interface RebuiltTables<S extends Serializable> {

    /** Once the store is read, before the processors stop. */
    default void prepareSwitch(BoundedStates<S> states) {
    }

    /** In the switch's transaction, with the processors stopped. */
    void replaceLive(BoundedStates<S> states);

    /** In the same transaction, after every rebuild's {@link #replaceLive}. */
    default void swapIn() {
    }
}
