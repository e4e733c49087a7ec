package org.integrationledger.query.delivery;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per processing group and document, the highest sequence number of the document's events the group's views have
 * applied ({@code projection_applied_position}). Within a document, sequence order is global-index order (an
 * append needs the document's previous events committed), so "at or below the highest applied sequence" is
 * exactly "applied already". It is kept per document, not per view row, because one row may fold events of
 * several documents (an order's reconciliation row hears of its invoices) that different segments apply in
 * either order. A document is its stored aggregate identifier, which names its type ({@code purchase-order:COLL-1}),
 * so a purchase order and an invoice with the same business id never share a position.
 *
 * <p>A unit of work (one processor batch, one transaction with the token) reads the positions of all its documents
 * in one statement and writes the advanced ones in one batch before it commits. A write that finds the stored
 * position already at or above its own means another process applied the same events meanwhile (a stolen claim):
 * the batch fails and rolls back, views and token together, and is retried from the stored token.
 */
@Component
public class AppliedPositions {

    private static final Logger LOG = LoggerFactory.getLogger(AppliedPositions.class);

    private final JdbcTemplate jdbc;
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    public AppliedPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Redelivered events skipped by this process, per processing group, since it started. */
    public Map<String, AtomicLong> skipped() {
        return skipped;
    }

    /** The positions of one processing group as one unit of work sees and advances them. */
    Batch batch(String processingGroup, UnitOfWork<?> root) {
        return root.getOrComputeResource(AppliedPositions.class.getName() + "." + processingGroup, key -> {
            Batch batch = new Batch(processingGroup);
            if (root instanceof BatchingUnitOfWork<?> batching) {
                batch.load(documentsOf(batching.getMessages()));
            }
            root.onPrepareCommit(u -> batch.write());
            return batch;
        });
    }

    /** Forgets a processing group's positions: a token reset replays its views from empty tables. */
    public void forget(String processingGroup) {
        jdbc.update("DELETE FROM projection_applied_position WHERE processing_group = ?", processingGroup);
    }

    private static Set<String> documentsOf(List<? extends Message<?>> messages) {
        Set<String> documents = new LinkedHashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event) {
                documents.add(event.getAggregateIdentifier());
            }
        }
        return documents;
    }

    /** One unit of work's view of a processing group's positions. */
    final class Batch {

        private final String processingGroup;
        private final Map<String, Long> stored = new HashMap<>();
        private final Map<String, Long> advanced = new TreeMap<>();
        private long skippedInBatch;

        private Batch(String processingGroup) {
            this.processingGroup = processingGroup;
        }

        boolean appliedAlready(DomainEventMessage<?> event) {
            String document = event.getAggregateIdentifier();
            if (!stored.containsKey(document)) {
                load(Set.of(document));
            }
            Long highest = advanced.getOrDefault(document, stored.get(document));
            boolean applied = highest != null && event.getSequenceNumber() <= highest;
            if (applied) {
                skippedInBatch++;
                skipped.computeIfAbsent(processingGroup, group -> new AtomicLong()).incrementAndGet();
            }
            return applied;
        }

        void applied(DomainEventMessage<?> event) {
            advanced.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
        }

        private void load(Collection<String> documents) {
            documents.forEach(document -> stored.putIfAbsent(document, null));
            if (documents.isEmpty()) {
                return;
            }
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT document_id, last_sequence"
                        + " FROM projection_applied_position WHERE processing_group = ? AND document_id = ANY (?)");
                Array ids = connection.createArrayOf("varchar", documents.toArray());
                statement.setString(1, processingGroup);
                statement.setArray(2, ids);
                return statement;
            }, resultSet -> {
                stored.put(resultSet.getString(1), resultSet.getLong(2));
            });
        }

        /** In document order, so two batches that touch the same documents lock them in the same order. */
        private void write() {
            if (skippedInBatch > 0) {
                LOG.info("{}: {} redelivered event(s) skipped, already applied to the views", processingGroup,
                        skippedInBatch);
            }
            if (advanced.isEmpty()) {
                return;
            }
            List<Object[]> rows = advanced.entrySet().stream()
                    .map(entry -> new Object[] {processingGroup, entry.getKey(), entry.getValue()})
                    .toList();
            int[] counts = jdbc.batchUpdate("""
                    INSERT INTO projection_applied_position AS p (processing_group, document_id, last_sequence)
                    VALUES (?, ?, ?)
                    ON CONFLICT (processing_group, document_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
                    WHERE p.last_sequence < EXCLUDED.last_sequence""", rows);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new ConcurrentlyAppliedException(processingGroup, (String) rows.get(i)[1]);
                }
            }
        }
    }

    /** Another process applied the same events of a document meanwhile; the batch rolls back and is retried. */
    static final class ConcurrentlyAppliedException extends IllegalStateException {

        ConcurrentlyAppliedException(String processingGroup, String document) {
            super("Events of " + document + " were applied to " + processingGroup + " by another process meanwhile");
        }
    }
}
