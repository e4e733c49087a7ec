package org.integrationledger.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Reads the event store and the idempotency table directly, to prove what was (not) written. */
public final class EventTable {

    private final JdbcTemplate jdbc;

    public EventTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int eventCount(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    public List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    public long totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    public long acceptedMessages() {
        return jdbc.queryForObject("SELECT count(*) FROM connector_message", Long.class);
    }

    public String metaData(String aggregateId, long sequence) {
        return jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", String.class, aggregateId, sequence);
    }
}
