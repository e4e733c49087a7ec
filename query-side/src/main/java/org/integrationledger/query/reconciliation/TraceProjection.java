package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.supplier.SupplierEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.integrationledger.query.reconciliation.ReconciliationTable.ts;

/**
 * Writes one trace step per recorded event, keyed by the business key it belongs to. The event id is the key of
 * the row, so a step is written once however often an event is delivered.
 */
@Component
@ProcessingGroup(TraceProjection.PROCESSING_GROUP)
class TraceProjection {

    static final String PROCESSING_GROUP = "trace-view";

    private final JdbcTemplate jdbc;

    TraceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, EventMessage<?> message) {
        String order = event.purchaseOrderId().value();
        String supplier = event instanceof PurchaseOrderIssued issued ? issued.supplier().value() : null;
        write(message, order, supplier, DocumentType.PURCHASE_ORDER, order, event.reportingSystem().value(),
                event.occurredAt());
    }

    @EventHandler
    void on(SupplierEvent event, EventMessage<?> message) {
        String supplier = event.supplierId().value();
        write(message, supplier, null, DocumentType.SUPPLIER, supplier, event.reportingSystem().value(),
                event.occurredAt());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM trace_step");
    }

    private void write(EventMessage<?> message, String traceKey, String relatedKey, DocumentType type,
                       String documentId, String reportingSystem, Instant businessTime) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        jdbc.update("""
                INSERT INTO trace_step (event_id, trace_key, related_key, document_type, document_id,
                    sequence_number, event_type, business_time, recorded_at, reporting_system, connector_id,
                    message_id, correlation_id, causation_id, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), traceKey, relatedKey, type.name(), documentId, sequence,
                message.getPayloadType().getSimpleName(), ts(businessTime), ts(message.getTimestamp()),
                reportingSystem, meta(message, LedgerMetadata.CONNECTOR_ID), meta(message, LedgerMetadata.MESSAGE_ID),
                meta(message, LedgerMetadata.CORRELATION_ID), meta(message, LedgerMetadata.CAUSATION_ID),
                TraceSummaries.describe(message.getPayload()));
    }

    private static String meta(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
