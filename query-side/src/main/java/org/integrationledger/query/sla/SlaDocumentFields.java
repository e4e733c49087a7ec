package org.integrationledger.query.sla;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the SLA clocks remember of a document across its events (table {@code sla_document_field}): its legal
 * entity, its region and the systems rules wait for, which are often named on one event and needed on a later one.
 */
@Component
class SlaDocumentFields {

    private static final String BATCH = SlaDocumentFields.class.getName() + ".batch";
    private static final String UPSERT = """
            INSERT INTO sla_document_field (document_id, field, value) VALUES (?, ?, ?)
            ON CONFLICT (document_id, field) DO UPDATE SET value = EXCLUDED.value
            WHERE sla_document_field.value <> EXCLUDED.value""";

    private final JdbcTemplate jdbc;

    SlaDocumentFields(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers a field's value; true when it was new or different. A null value leaves what is remembered. */
    boolean remember(String document, String field, String value) {
        if (value == null) {
            return false;
        }
        Batch batch = batch();
        if (batch == null) {
            return jdbc.update(UPSERT, document, field, value) > 0;
        }
        Map<String, String> known = batch.known().computeIfAbsent(document, this::load);
        if (value.equals(known.get(field))) {
            return false;
        }
        known.put(field, value);
        batch.changed().computeIfAbsent(document, d -> new TreeMap<>()).put(field, value);
        return true;
    }

    Map<String, String> of(String document) {
        Batch batch = batch();
        Map<String, String> known = batch == null ? load(document) : batch.known().computeIfAbsent(document, this::load);
        return Collections.unmodifiableMap(new HashMap<>(known));
    }

    void deleteAll() {
        Batch batch = batch();
        if (batch != null) {
            batch.known().clear();
            batch.changed().clear();
        }
        jdbc.update("DELETE FROM sla_document_field");
    }

    private Map<String, String> load(String document) {
        Map<String, String> fields = new HashMap<>();
        jdbc.query("SELECT field, value FROM sla_document_field WHERE document_id = ?",
                rs -> {
                    fields.put(rs.getString("field"), rs.getString("value"));
                }, document);
        return fields;
    }

    /**
     * What this batch has read and changed per document. The clock projection runs on one segment and one thread,
     * a batch is one transaction, and this class is the table's only reader and writer, so within the batch the
     * known values are exactly the table's state. A document is read once per batch and its changed fields are
     * written together just before the batch commits, in key order, as one JDBC batch (a catch-up or a replay
     * reads a document's events close together; per event these were two or three statements on the processor's
     * only thread). Outside a unit of work (a reset, a test) every change is written at once.
     */
    private Batch batch() {
        return BatchResources.inBatch(BATCH, Batch::new, this::write);
    }

    private void write(Batch batch) {
        List<Object[]> rows = new ArrayList<>();
        batch.changed().forEach((document, fields) -> fields.forEach((field, value) ->
                rows.add(new Object[]{document, field, value})));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(UPSERT, rows);
        }
    }

    private record Batch(Map<String, Map<String, String>> known, Map<String, Map<String, String>> changed) {
        Batch() {
            this(new HashMap<>(), new TreeMap<>());
        }
    }
}
