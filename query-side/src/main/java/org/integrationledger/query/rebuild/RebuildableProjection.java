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
         * Writes the rebuilt rows, into the live tables or into {@link ShadowTable}s beside them; runs inside the
         * switch's transaction, with the processors stopped. The rebuilt checksum is
         * {@link RebuildableProjection#checksum()}, read afterwards from a snapshot of that transaction's commit.
         */
        void replaceLive();

        /**
         * Renames shadow tables into the live tables' places; runs in the same transaction after every rebuild's
         * {@link #replaceLive()}, because readers of a swapped table wait for the commit from the swap on.
         */
        default void swapIn() {
        }

        /**
         * Called once the switch has committed and the processors run again (also after a failed rebuild): work
         * that only tidies up, such as deleting spilled states, is not work the stopped processors wait for.
         */
        default void cleanUp() {
        }

        /** The bounded states this rebuild keeps, for its progress (how many spilled); none by default. */
        default List<BoundedStates<?>> states() {
            return List.of();
        }
    }
}
