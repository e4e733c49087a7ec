package org.integrationledger.query.reconciliation;

import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.FindTrace;
import org.integrationledger.model.reconciliation.Trace;
import org.integrationledger.model.reconciliation.TraceStep;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.integrationledger.query.reconciliation.ReconciliationQueries.system;
import static org.integrationledger.query.reconciliation.ReconciliationTable.instant;

/** Answers the trace query from {@code trace_step}: a business key's chain of documents, or one correlation. */
@Component
class TraceQueries {

    private final NamedParameterJdbcTemplate jdbc;

    TraceQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<Trace> handle(FindTrace query) {
        List<TraceStep> steps;
        List<String> documents = new ArrayList<>();
        if (query.correlationId() != null && !query.correlationId().isBlank()) {
            steps = jdbc.query("SELECT * FROM trace_step WHERE correlation_id = :id ORDER BY business_time, "
                    + "recorded_at, document_id, sequence_number", Map.of("id", query.correlationId()),
                    (rs, n) -> step(rs));
        } else {
            steps = new ArrayList<>(jdbc.query("SELECT * FROM trace_step WHERE trace_key = :key",
                    Map.of("key", query.businessKey()), (rs, n) -> step(rs)));
            // The invoices recorded against the order, with their payments and confirmations.
            List<String> invoices = jdbc.queryForList("SELECT DISTINCT trace_key FROM trace_step WHERE related_key = "
                    + ":key AND document_type = :type", Map.of("key", query.businessKey(),
                    "type", DocumentType.INVOICE.name()), String.class);
            if (!invoices.isEmpty()) {
                steps.addAll(jdbc.query("SELECT * FROM trace_step WHERE trace_key IN (:invoices)",
                        Map.of("invoices", invoices), (rs, n) -> step(rs)));
            }
            // The supplier record the order used, as it stood up to the last step of the chain.
            List<String> related = jdbc.queryForList("SELECT DISTINCT related_key FROM trace_step WHERE trace_key = "
                    + ":key AND related_key IS NOT NULL AND document_type = :type",
                    Map.of("key", query.businessKey(), "type", DocumentType.PURCHASE_ORDER.name()), String.class);
            if (!related.isEmpty() && !steps.isEmpty()) {
                Instant last = steps.stream().map(TraceStep::businessTime)
                        .max(Comparator.naturalOrder()).orElseThrow();
                steps.addAll(jdbc.query("SELECT * FROM trace_step WHERE trace_key IN (:related) AND business_time <= "
                        + ":last", new MapSqlParameterSource("related", related).addValue("last", ReconciliationTable.ts(last)),
                        (rs, n) -> step(rs)));
            }
            steps.sort(Comparator.comparing(TraceStep::businessTime)
                    .thenComparing(TraceStep::recordedAt)
                    .thenComparing(TraceStep::documentId)
                    .thenComparingLong(TraceStep::sequenceNumber));
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        steps.forEach(step -> {
            String document = step.documentType() + "/" + step.documentId();
            if (!documents.contains(document)) {
                documents.add(document);
            }
        });
        return Optional.of(new Trace(query.businessKey(), query.correlationId(), documents, steps));
    }


    private static TraceStep step(ResultSet rs) throws SQLException {
        return new TraceStep(instant(rs, "business_time"), instant(rs, "recorded_at"),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_id"),
                rs.getLong("sequence_number"), rs.getString("event_type"), system(rs.getString("reporting_system")),
                rs.getString("connector_id"), rs.getString("message_id"), rs.getString("correlation_id"),
                rs.getString("causation_id"), rs.getString("summary"));
    }
}
