package org.integrationledger.query.fold;

import jakarta.persistence.EntityManager;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.JpaRebuilds;

import java.io.Serializable;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Rebuilt states written over the live tables inside the switch's one transaction: the tables are emptied and every
 * state's entities persisted a thousand at a time, so readers see the old rows or the new ones, never a mix. For small
 * views of several tables, where a shadow table per table is not worth its indexing.
 */
public final class PersistedRows<S extends Serializable> implements RebuiltTables<S> {

    private final EntityManager entityManager;
    private final Runnable emptyLiveTables;
    private final Function<S, Stream<?>> entities;

    /**
     * @param emptyLiveTables deletes the live rows (children before parents)
     * @param entities        one state's new entities, each state's together
     */
    public PersistedRows(EntityManager entityManager, Runnable emptyLiveTables, Function<S, Stream<?>> entities) {
        this.entityManager = entityManager;
        this.emptyLiveTables = emptyLiveTables;
        this.entities = entities;
    }

    @Override
    public void replaceLive(BoundedStates<S> states) {
        emptyLiveTables.run();
        Iterable<Object> rows = () -> StreamSupport.stream(states.drain().spliterator(), false)
                .<Object>flatMap(entities).iterator();
        JpaRebuilds.persistAll(entityManager, rows);
    }
}
