package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

/**
 * Writes one trace step per recorded event of the documents the trace follows. The rules live in {@link TraceFold},
 * which the same {@link FoldHost} also runs for rebuilds; steps are keyed by event id, so a redelivered event writes
 * nothing twice.
 */
@Component
@ProcessingGroup(TraceProjection.PROCESSING_GROUP)
class TraceProjection {

    static final String PROCESSING_GROUP = "trace-view";

    private final FoldHost<Object, TraceRow> host;
    private final TraceTable table;

    TraceProjection(FoldHost<Object, TraceRow> host, TraceTable table) {
        this.host = host;
        this.table = table;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, EventMessage<?> message) {
        RepresentableValues.requireRepresentable(message);
        host.live(event, message);
    }

    @EventHandler
    void on(InvoiceEvent event, EventMessage<?> message) {
        RepresentableValues.requireRepresentable(message);
        host.live(event, message);
    }

    @EventHandler
    void on(SupplierEvent event, EventMessage<?> message) {
        RepresentableValues.requireRepresentable(message);
        host.live(event, message);
    }

    @ResetHandler
    void reset() {
        table.deleteAll();
    }
}
