package org.integrationledger.query.rebuild;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * A projection that can be rebuilt beside its live table. The rebuild applies events to a fresh state by the
 * projection's own rules and nothing else, so no event handler runs and nothing is sent; the live table keeps
 * answering until {@link Rebuild#replaceLive()} swaps the rebuilt rows in, in one transaction.
 */
public interface RebuildableProjection {

    /** The projection's name, which is also its processing group. */
    String name();

    Rebuild newRebuild();

    /** SHA-256 over the live table's rows in key order, in a canonical text form. */
    String checksum();

    /** One rebuild in progress. */
    interface Rebuild {

        void apply(EventMessage<?> event);

        /**
         * Called once the store has been read, before the processors stop for the switch: work that readies the
         * rebuilt rows here (indexing, making them durable) is not work the stopped processors wait for.
         */
        default void prepareSwitch() {
        }

        /**
         * True when {@link #replaceLive()} locks the live table against readers until the switch commits (a table
         * swap, not a row swap); such rebuilds switch last, so readers wait only for the end of the transaction.
         */
        default boolean locksReadersUntilCommit() {
            return false;
        }

        /**
         * Replaces the live rows with the rebuilt ones; runs inside the caller's transaction. The rebuilt checksum is
         * {@link RebuildableProjection#checksum()}, read afterwards from a snapshot of that transaction's commit.
         */
        void replaceLive();

        /** The bounded states this rebuild keeps, for its progress (how many spilled); none by default. */
        default List<BoundedStates<?>> states() {
            return List.of();
        }
    }
}
