package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.supplier.SupplierEvent;
import org.springframework.stereotype.Component;

import java.util.List;

/** Writes one trace step per recorded event of the documents the trace follows ({@link TraceRow}). */
@Component
@ProcessingGroup(TraceProjection.PROCESSING_GROUP)
class TraceProjection {

    static final String PROCESSING_GROUP = "trace-view";

    private final TraceTable table;

    TraceProjection(TraceTable table) {
        this.table = table;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, EventMessage<?> message) {
        write(message);
    }

    @EventHandler
    void on(InvoiceEvent event, EventMessage<?> message) {
        write(message);
    }

    @EventHandler
    void on(SupplierEvent event, EventMessage<?> message) {
        write(message);
    }

    @ResetHandler
    void reset() {
        table.deleteAll();
    }

    private void write(EventMessage<?> message) {
        TraceRow.of(message).ifPresent(row -> table.insert(List.of(row)));
    }
}
