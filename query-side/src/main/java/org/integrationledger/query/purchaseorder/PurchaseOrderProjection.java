package org.integrationledger.query.purchaseorder;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Builds the purchase-order view. It runs in a pooled streaming processor whose token is stored in the same
 * transaction as the rows, so an event is applied exactly once even across crashes.
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
    void on(RequisitionApproved event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.requisitionApproved(event.legalEntity().value()));
    }

    @EventHandler
    void on(PurchaseOrderIssued event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.issued(event.supplier().value(), event.legalEntity().value(),
                event.routedTo().value(), event.version(), event.total()));
    }

    @EventHandler
    void on(PurchaseOrderAmended event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.amended(event.version(), event.total(), event.fullyReceived()));
    }

    @EventHandler
    void on(StaleAmendmentRecorded event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> { });
    }

    @EventHandler
    void on(PurchaseOrderPostedInErp event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.postedInErp(event.reportingSystem().value(), event.version(),
                event.erpDocumentNumber()));
    }

    @EventHandler
    void on(StalePostingAcknowledgmentRecorded event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> { });
    }

    @EventHandler
    void on(PurchaseOrderPostingRejected event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.postingRejected(event.reportingSystem().value(), event.version(),
                event.reasonCode() + ": " + event.reason()));
    }

    @EventHandler
    void on(GoodsReceived event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.received(event.fullyReceived()));
    }

    @EventHandler
    void on(PurchaseOrderCancelled event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.status(ProcurementStatus.CANCELLED));
    }

    @EventHandler
    void on(PurchaseOrderClosed event, @Timestamp Instant recordedAt) {
        update(event, recordedAt, view -> view.status(ProcurementStatus.CLOSED));
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty table. */
    @ResetHandler
    void reset() {
        views.deleteAllInBatch();
    }

    private void update(PurchaseOrderEvent event, Instant recordedAt, Consumer<PurchaseOrderView> change) {
        String id = event.purchaseOrderId().value();
        PurchaseOrderView view = views.findById(id).orElseGet(() -> new PurchaseOrderView(id));
        change.accept(view);
        view.touched(event.occurredAt(), recordedAt);
        views.save(view);
    }
}
