package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.supplier.SupplierEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of the trace as stored in {@code trace_step}: which business key it belongs to (a purchase order's id
 * for the order, related to the supplier it used; an invoice's id for the invoice and its payments, its receipt
 * related to its purchase order; a supplier's id for the supplier), and everything an auditor asks of a step. The same mapping serves the live projection and the rebuild.
 */
record TraceRow(String eventId, String traceKey, String relatedKey, DocumentType documentType, String documentId,
                long sequenceNumber, String eventType, Instant businessTime, Instant recordedAt,
                String reportingSystem, String connectorId, String messageId, String correlationId,
                String causationId, String summary) {

    static Optional<TraceRow> of(EventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof PurchaseOrderEvent order) {
            String id = order.purchaseOrderId().value();
            String supplier = order instanceof PurchaseOrderIssued issued ? issued.supplier().value() : null;
            return Optional.of(row(message, id, supplier, DocumentType.PURCHASE_ORDER, id,
                    order.reportingSystem().value(), order.occurredAt()));
        }
        if (event instanceof InvoiceEvent invoice) {
            // An invoice's steps link to its purchase order, so the order's trace finds them.
            String id = invoice.invoiceId().value();
            String order = event instanceof InvoiceReceived received ? received.purchaseOrderId().value() : null;
            return Optional.of(row(message, id, order, DocumentType.INVOICE, id, invoice.reportingSystem().value(),
                    invoice.occurredAt()));
        }
        if (event instanceof SupplierEvent supplier) {
            String id = supplier.supplierId().value();
            return Optional.of(row(message, id, null, DocumentType.SUPPLIER, id, supplier.reportingSystem().value(),
                    supplier.occurredAt()));
        }
        return Optional.empty();
    }

    private static TraceRow row(EventMessage<?> message, String traceKey, String relatedKey, DocumentType type,
                                String documentId, String reportingSystem, Instant businessTime) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        return new TraceRow(message.getIdentifier(), traceKey, relatedKey, type, documentId, sequence,
                message.getPayloadType().getSimpleName(), businessTime, message.getTimestamp(), reportingSystem,
                meta(message, LedgerMetadata.CONNECTOR_ID), meta(message, LedgerMetadata.MESSAGE_ID),
                meta(message, LedgerMetadata.CORRELATION_ID), meta(message, LedgerMetadata.CAUSATION_ID),
                TraceSummaries.describe(message.getPayload()));
    }

    private static String meta(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /** Canonical text of the row, for the projection checksum. */
    String canonical() {
        return String.join("|", eventId, traceKey, String.valueOf(relatedKey), documentType.name(), documentId,
                String.valueOf(sequenceNumber), eventType, String.valueOf(businessTime), String.valueOf(recordedAt),
                String.valueOf(reportingSystem), String.valueOf(connectorId), String.valueOf(messageId),
                String.valueOf(correlationId), String.valueOf(causationId), summary);
    }
}
