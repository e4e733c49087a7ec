package org.integrationledger.query.purchaseorder;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Builds the purchase-order view. It runs in a pooled streaming processor whose token is stored in the same
 * transaction as the rows, and {@link AppliedOnce} skips an
 * event delivered again, so each event is applied exactly once even across crashes. The rules per event live
 * in {@link PurchaseOrderView#apply}, shared with the audit's as-of replay ({@link PurchaseOrderReplay}).
 */
@Component
@AppliedOnce
@ProcessingGroup(PurchaseOrderProjection.PROCESSING_GROUP)
class PurchaseOrderProjection {

    static final String PROCESSING_GROUP = "purchase-order-view";

    private final PurchaseOrderViewRepository views;
    private final EntityManager entityManager;

    PurchaseOrderProjection(PurchaseOrderViewRepository views, EntityManager entityManager) {
        this.views = views;
        this.entityManager = entityManager;
    }

    /**
     * A new order's view is persisted; a found one belongs to the batch's persistence context (one transaction per
     * batch), so its changes are flushed when the batch commits, and the batch's later events for the same order
     * find it there without a query. {@code save} would merge it again on every event: a copy of every field,
     * and for a new row an extra SELECT (the id is assigned, so Spring Data cannot tell it is new).
     */
    @EventHandler
    void on(PurchaseOrderEvent event, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        String id = event.purchaseOrderId().value();
        Optional<PurchaseOrderView> stored = views.findById(id);
        PurchaseOrderView view = stored.orElseGet(() -> new PurchaseOrderView(id));
        view.apply(event, recordedAt);
        if (stored.isEmpty()) {
            entityManager.persist(view);
        } else if (!entityManager.contains(view)) {
            // Outside a transaction (no persistence context to flush it) the change is written explicitly.
            views.save(view);
        }
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty table. */
    @ResetHandler
    void reset() {
        views.deleteAllInBatch();
    }
}
