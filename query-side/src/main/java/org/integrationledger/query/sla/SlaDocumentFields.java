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

    private final JdbcTemplate jdbc;

    SlaDocumentFields(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers a field's value; true when it was new or different. A null value leaves what is remembered. */
    boolean remember(String document, String field, String value) {
        if (value == null) {
            return false;
        }
        return jdbc.update("""
                INSERT INTO sla_document_field (document_id, field, value) VALUES (?, ?, ?)
                ON CONFLICT (document_id, field) DO UPDATE SET value = EXCLUDED.value
                WHERE sla_document_field.value <> EXCLUDED.value""", document, field, value) > 0;
    }

    Map<String, String> of(String document) {
        Map<String, String> fields = new HashMap<>();
        jdbc.query("SELECT field, value FROM sla_document_field WHERE document_id = ?",
                rs -> {
                    fields.put(rs.getString("field"), rs.getString("value"));
                }, document);
        return Collections.unmodifiableMap(fields);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM sla_document_field");
    }
}
