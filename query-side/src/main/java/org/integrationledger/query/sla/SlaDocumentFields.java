package org.integrationledger.query.sla;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What the SLA clocks remember of a document across its events (table {@code sla_document_field}): its legal
 * entity, its region and the systems rules wait for, which are often named on one event and needed on a later one.
 */
@Component
class SlaDocumentFields {

    private static final String BATCH_CACHE = SlaDocumentFields.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    SlaDocumentFields(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers a field's value; true when it was new or different. A null value leaves what is remembered. */
    boolean remember(String document, String field, String value) {
        if (value == null) {
            return false;
        }
        Map<String, String> known = batchCache().get(document);
        if (known != null && value.equals(known.get(field))) {
            return false;
        }
        boolean changed = jdbc.update("""
                INSERT INTO sla_document_field (document_id, field, value) VALUES (?, ?, ?)
                ON CONFLICT (document_id, field) DO UPDATE SET value = EXCLUDED.value
                WHERE sla_document_field.value <> EXCLUDED.value""", document, field, value) > 0;
        if (known != null) {
            known.put(field, value);
        }
        return changed;
    }

    Map<String, String> of(String document) {
        Map<String, Map<String, String>> cache = batchCache();
        Map<String, String> known = cache.get(document);
        if (known == null) {
            Map<String, String> fields = new HashMap<>();
            jdbc.query("SELECT field, value FROM sla_document_field WHERE document_id = ?",
                    rs -> {
                        fields.put(rs.getString("field"), rs.getString("value"));
                    }, document);
            known = fields;
            cache.put(document, known);
        }
        return Collections.unmodifiableMap(new HashMap<>(known));
    }

    void deleteAll() {
        batchCache().clear();
        jdbc.update("DELETE FROM sla_document_field");
    }

    /**
     * What this batch has read or written per document. The clock projection runs on one segment and one thread,
     * and a batch is one transaction, so within the batch the cache is exactly the table's state; it is dropped
     * with the batch. It saves the statements of a document's later events in the same batch (a catch-up or a
     * replay reads a document's events close together).
     */
    private static Map<String, Map<String, String>> batchCache() {
        return BatchResources.get(BATCH_CACHE, HashMap::new);
    }
}
