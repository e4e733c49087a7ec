package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.Envelope;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

/**
 * Builds the reconciliation view. Each event updates its document's position in the reporting system and then
 * recomputes the document's divergences from its whole state, keeping the start of every divergence that stays
 * open: the view says the same whatever order the events of different systems arrived in. The rules live in the
 * folds of {@link ReconciliationConfiguration#folds}, which the same {@link FoldHost} also runs for rebuilds; this
 * class only hands it the events.
 */
@Component
@AppliedOnce
@ProcessingGroup(ReconciliationProjection.PROCESSING_GROUP)
class ReconciliationProjection {

    static final String PROCESSING_GROUP = "reconciliation-view";

    private final FoldHost<Object, ReconciliationState> host;
    private final ReconciliationTable table;
    private final DuplicateTable duplicates;

    ReconciliationProjection(FoldHost<Object, ReconciliationState> host, ReconciliationTable table,
                             DuplicateTable duplicates) {
        this.host = host;
        this.table = table;
        this.duplicates = duplicates;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, EventMessage<?> message) {
        update(event, message);
    }

    @EventHandler
    void on(InvoiceEvent event, EventMessage<?> message) {
        update(event, message);
    }

    @EventHandler
    void on(SupplierEvent event, EventMessage<?> message) {
        update(event, message);
    }

    /** A replay rebuilds the view from the first event, so it starts from empty tables. */
    @ResetHandler
    void reset() {
        table.deleteAll();
        duplicates.deleteAll();
    }

    private void update(Object event, EventMessage<?> message) {
        RepresentableValues.requireRepresentable(event, message.getTimestamp());
        host.live(event, message);
    }
}
