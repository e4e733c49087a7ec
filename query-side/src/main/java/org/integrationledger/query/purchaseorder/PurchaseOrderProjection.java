package org.integrationledger.query.purchaseorder;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the purchase-order view. It runs in a pooled streaming processor whose token is stored in the same
 * transaction as the rows, so an event is applied exactly once even across crashes. The rules per event live
 * in {@link PurchaseOrderView#apply}, shared with the audit's as-of replay ({@link PurchaseOrderReplay}).
 */
@Component
@ProcessingGroup(PurchaseOrderProjection.PROCESSING_GROUP)
class PurchaseOrderProjection {

    static final String PROCESSING_GROUP = "purchase-order-view";

    private final PurchaseOrderViewRepository views;

    PurchaseOrderProjection(PurchaseOrderViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, @Timestamp Instant recordedAt) {
        String id = event.purchaseOrderId().value();
        PurchaseOrderView view = views.findById(id).orElseGet(() -> new PurchaseOrderView(id));
        view.apply(event, recordedAt);
        views.save(view);
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty table. */
    @ResetHandler
    void reset() {
        views.deleteAllInBatch();
    }
}
