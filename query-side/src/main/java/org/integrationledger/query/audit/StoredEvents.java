package org.integrationledger.query.audit;

import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code domain_event_entry} with plain JDBC. The query side may not use command-side classes, and an
 * audit must show stored columns (global index, stored revision) that Axon's message API hides.
 *
 * <p>{@code time_stamp} is Axon's ISO-8601 text with exactly three fraction digits and {@code Z}, so comparing
 * it as text with an instant formatted the same way orders by recorded time.
 */
@Component
class StoredEvents {

    static final String PURCHASE_ORDER_TYPES = "org.integrationledger.model.purchaseorder.%";

    private static final String COLUMNS = "SELECT global_index, aggregate_identifier, sequence_number, type, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data "
            + "FROM domain_event_entry ";

    private static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getBytes(9), rs.getBytes(10));

    private final JdbcTemplate jdbc;

    StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        // Inside the callers' read-only transactions PostgreSQL then streams rows through a cursor instead of
        // loading a whole history (or, for the as-of list, every purchase-order event) at once.
        this.jdbc.setFetchSize(1_000);
    }

    /**
     * The stored keys among {@code candidates} that have events: which of the documents a business id may name
     * (a purchase order, an invoice, a supplier, or an aggregate keyed by the id itself) exist.
     */
    List<String> existing(List<String> candidates) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT c FROM unnest(?::varchar[]) AS c WHERE EXISTS"
                    + " (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = c) ORDER BY 1");
            statement.setArray(1, connection.createArrayOf("varchar", candidates.toArray()));
            return statement;
        }, (rs, n) -> rs.getString(1));
    }

    long countOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /** One page of a document's events in sequence order (the aggregate's own order). */
    List<StoredEvent> pageOf(String aggregateId, int page, int size) {
        return jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? ORDER BY sequence_number LIMIT ? OFFSET ?",
                ROW, aggregateId, size, (long) page * size);
    }

    /** Every event of a document, in sequence order, one at a time (exports do not hold the history in memory). */
    void eachOf(String aggregateId, Consumer<StoredEvent> consumer) {
        jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? ORDER BY sequence_number",
                rs -> {
                    consumer.accept(ROW.mapRow(rs, 0));
                }, aggregateId);
    }

    /** A document's events recorded at or before {@code recordedAt}, in sequence order. */
    List<StoredEvent> ofAggregateUpTo(String aggregateId, Instant recordedAt) {
        return jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? AND time_stamp <= ? ORDER BY sequence_number",
                ROW, aggregateId, DateTimeUtils.formatInstant(recordedAt));
    }

    /** Every purchase-order event recorded at or before {@code recordedAt}, in global (projection) order. */
    void eachPurchaseOrderEventUpTo(Instant recordedAt, Consumer<StoredEvent> consumer) {
        jdbc.query(COLUMNS + "WHERE payload_type LIKE ? AND time_stamp <= ? ORDER BY global_index",
                rs -> {
                    consumer.accept(ROW.mapRow(rs, 0));
                }, PURCHASE_ORDER_TYPES, DateTimeUtils.formatInstant(recordedAt));
    }
}
