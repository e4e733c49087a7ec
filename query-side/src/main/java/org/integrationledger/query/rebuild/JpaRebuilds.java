package org.integrationledger.query.rebuild;

import jakarta.persistence.EntityManager;

import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Memory-bounded JPA work for the rebuild switches. Persisting every rebuilt entity before one flush kept them all in
 * the persistence context beside the rebuilt state, and reading a table back with {@code findAll} for the checksum
 * loaded it whole a third time; at a million events that tripled the rebuild's heap.
 */
public final class JpaRebuilds {

    private static final int CHUNK = 1_000;

    private JpaRebuilds() {
    }

    /** Persists the entities a thousand at a time, flushing (JDBC batches) and detaching each thousand. */
    public static void persistAll(EntityManager entityManager, Iterable<?> entities) {
        int pending = 0;
        for (Object entity : entities) {
            entityManager.persist(entity);
            if (++pending == CHUNK) {
                entityManager.flush();
                entityManager.clear();
                pending = 0;
            }
        }
        entityManager.flush();
        entityManager.clear();
    }

    /**
     * The canonical lines of every row of an entity's table in the order given, read through a cursor a thousand
     * rows at a time inside the caller's transaction, each row detached once read. Close the stream (or consume it
     * in a flatMap, which closes it).
     */
    public static <T> Stream<String> lines(EntityManager entityManager, Class<T> entity, String orderBy,
                                           Function<T, String> line) {
        return entityManager.createQuery("SELECT e FROM " + entity.getSimpleName() + " e ORDER BY " + orderBy, entity)
                .setHint("org.hibernate.fetchSize", CHUNK)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .map(row -> {
                    String text = line.apply(row);
                    entityManager.detach(row);
                    return text;
                });
    }
}
