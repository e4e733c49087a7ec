package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Writes one trace step per recorded event of the documents the trace follows ({@link TraceRow}). */
@Component
@ProcessingGroup(TraceProjection.PROCESSING_GROUP)
class TraceProjection {

    static final String PROCESSING_GROUP = "trace-view";
    private static final String PENDING_ROWS = TraceProjection.class.getName() + ".pendingRows";

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

    /**
     * Collects the batch's rows and inserts them as one JDBC batch before the batch's transaction commits (the token
     * is stored in the same transaction): one round trip per batch instead of one per event. Outside a unit of work
     * (tests calling the handler directly) the row is written at once.
     */
    private void write(EventMessage<?> message) {
        RepresentableValues.requireRepresentable(message);
        TraceRow.of(message).ifPresent(row -> {
            if (!CurrentUnitOfWork.isStarted()) {
                table.insert(List.of(row));
                return;
            }
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.<List<TraceRow>>getOrComputeResource(PENDING_ROWS, key -> {
                List<TraceRow> rows = new ArrayList<>();
                batch.onPrepareCommit(u -> table.insert(rows));
                return rows;
            }).add(row);
        });
    }
}
