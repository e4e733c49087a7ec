package org.integrationledger.app.support;

import org.integrationledger.model.shared.DocumentKind;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the event store and the idempotency table directly, to prove what was (not) written. A document is named by
 * its business id and found under whichever document type's key it is stored (tests use ids unique across types);
 * {@link #keysOf} names every stored key of an id.
 */
public final class EventTable {

    /** The stored keys a business id may have: bare (not a document) or of any document type. */
    private static final String ANY_TYPE = "(" + "?, ".repeat(DocumentKind.values().length) + "?)";

    private final JdbcTemplate jdbc;

    public EventTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored keys under which a document with this business id (or an aggregate keyed by it) has events. */
    public List<String> keysOf(String businessId) {
        return jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE "
                + "ledger_chain_document_id(aggregate_identifier, type) = ? ORDER BY 1", String.class, businessId);
    }

    public int eventCount(String businessId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN "
                + ANY_TYPE, Integer.class, (Object[]) candidates(businessId));
    }

    public int eventCount(DocumentKind kind, String businessId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, kind.key(businessId));
    }

    public List<String> eventTypes(String businessId) {
        return simpleNames(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier "
                + "IN " + ANY_TYPE + " ORDER BY sequence_number", String.class, (Object[]) candidates(businessId)));
    }

    public List<String> eventTypes(DocumentKind kind, String businessId) {
        return simpleNames(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier "
                + "= ? ORDER BY sequence_number", String.class, kind.key(businessId)));
    }

    public long totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    public long acceptedMessages() {
        return jdbc.queryForObject("SELECT count(*) FROM connector_message", Long.class);
    }

    public String metaData(String businessId, long sequence) {
        return jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier IN " + ANY_TYPE + " AND sequence_number = ?", String.class,
                Stream.concat(Arrays.stream(candidates(businessId)), Stream.of(sequence)).toArray());
    }

    private static String[] candidates(String businessId) {
        return Stream.concat(Stream.of(businessId),
                Arrays.stream(DocumentKind.values()).map(kind -> kind.key(businessId))).toArray(String[]::new);
    }

    private static List<String> simpleNames(List<String> payloadTypes) {
        return payloadTypes.stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
