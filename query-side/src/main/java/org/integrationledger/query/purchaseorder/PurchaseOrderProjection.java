package org.integrationledger.query.purchaseorder;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the purchase-order view. It runs in a pooled streaming processor whose token is stored in the same
 * transaction as the rows, and {@link AppliedOnce} skips an
 * event delivered again, so each event is applied exactly once even across crashes. The rules per event live
 * in {@link PurchaseOrderFold}, which the same {@link FoldHost} also runs for rebuilds and the audit's as-of replay.
 */
@Component
@AppliedOnce
@ProcessingGroup(PurchaseOrderProjection.PROCESSING_GROUP)
class PurchaseOrderProjection {

    static final String PROCESSING_GROUP = "purchase-order-view";

    private final FoldHost<PurchaseOrderEvent, PurchaseOrderState> host;
    private final PurchaseOrderViewRepository views;

    PurchaseOrderProjection(FoldHost<PurchaseOrderEvent, PurchaseOrderState> host,
                            PurchaseOrderViewRepository views) {
        this.host = host;
        this.views = views;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        host.live(event, recordedAt);
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty table. */
    @ResetHandler
    void reset() {
        views.deleteAllInBatch();
    }
}
