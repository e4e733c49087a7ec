package org.integrationledger.query.purchaseorder;

import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
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
import org.integrationledger.model.shared.Money;
import org.integrationledger.query.fold.Fold;

import java.time.Instant;

/**
 * The purchase-order view's rules: where an order stands in procurement and in its ERP after each event. Every event
 * also counts as activity (business time, recorded time, event count).
 */
final class PurchaseOrderFold implements Fold<PurchaseOrderEvent, PurchaseOrderState>,
        PurchaseOrderEvent.Visitor<PurchaseOrderState, PurchaseOrderState> {

    @Override
    public Class<PurchaseOrderEvent> events() {
        return PurchaseOrderEvent.class;
    }

    @Override
    public String key(PurchaseOrderEvent event) {
        return event.purchaseOrderId().value();
    }

    @Override
    public PurchaseOrderState initial(String key) {
        return PurchaseOrderState.initial(key);
    }

    @Override
    public PurchaseOrderState apply(PurchaseOrderState state, PurchaseOrderEvent event, Instant recordedAt) {
        return event.accept(this, state).touched(event.occurredAt(), recordedAt);
    }

    /** An approved requisition is the first sign of an order; it names the legal entity until the order does. */
    @Override
    public PurchaseOrderState on(RequisitionApproved event, PurchaseOrderState order) {
        return order.procurement(order.supplierId(),
                order.legalEntity() == null ? event.legalEntity().value() : order.legalEntity(), order.routedTo(),
                order.procurementStatus() == ProcurementStatus.NOT_REPORTED
                        ? ProcurementStatus.REQUISITION_APPROVED : order.procurementStatus(),
                order.procurementVersion(), order.totalAmount(), order.currency());
    }

    @Override
    public PurchaseOrderState on(PurchaseOrderIssued event, PurchaseOrderState order) {
        Money total = event.total();
        return order.procurement(event.supplier().value(), event.legalEntity().value(), event.routedTo().value(),
                ProcurementStatus.ISSUED, event.version(), total.amount(), total.currency().value());
    }

    /** A new version can complete a partly received order (less ordered) or reopen a received one (more). */
    @Override
    public PurchaseOrderState on(PurchaseOrderAmended event, PurchaseOrderState order) {
        ProcurementStatus status = order.procurementStatus();
        if (status == ProcurementStatus.PARTIALLY_RECEIVED || status == ProcurementStatus.RECEIVED) {
            status = received(event.fullyReceived());
        }
        Money total = event.total();
        return order.procurement(order.supplierId(), order.legalEntity(), order.routedTo(), status, event.version(),
                total.amount(), total.currency().value());
    }

    /** Stale amendments are kept for the record; they only count as activity. */
    @Override
    public PurchaseOrderState on(StaleAmendmentRecorded event, PurchaseOrderState order) {
        return order;
    }

    @Override
    public PurchaseOrderState on(PurchaseOrderPostedInErp event, PurchaseOrderState order) {
        return order.erp(ErpPostingStatus.POSTED, event.reportingSystem().value(), event.version(),
                event.erpDocumentNumber(), null, order.staleAcknowledgments());
    }

    /**
     * The ERP does hold the older version it acknowledged late: while it has acknowledged nothing newer, that is its
     * position (behind procurement, which the summary's erpBehindProcurement says); a newer acknowledgment stands.
     * Either way the late acknowledgment is counted.
     */
    @Override
    public PurchaseOrderState on(StalePostingAcknowledgmentRecorded event, PurchaseOrderState order) {
        int stale = order.staleAcknowledgments() + 1;
        if (order.erpVersion() == null || event.version() > order.erpVersion()) {
            return order.erp(ErpPostingStatus.POSTED, event.reportingSystem().value(), event.version(),
                    event.erpDocumentNumber(), null, stale);
        }
        return order.erp(order.erpStatus(), order.erpSystem(), order.erpVersion(), order.erpDocumentNumber(),
                order.erpRejectionReason(), stale);
    }

    /** A rejection of a version older than the one the ERP holds does not change where it stands. */
    @Override
    public PurchaseOrderState on(PurchaseOrderPostingRejected event, PurchaseOrderState order) {
        if (order.erpVersion() != null && event.version() < order.erpVersion()) {
            return order;
        }
        return order.erp(ErpPostingStatus.REJECTED, event.reportingSystem().value(), order.erpVersion(),
                order.erpDocumentNumber(), event.reasonCode() + ": " + event.reason(), order.staleAcknowledgments());
    }

    @Override
    public PurchaseOrderState on(GoodsReceived event, PurchaseOrderState order) {
        return order.procurementStatus(received(event.fullyReceived()));
    }

    /** The ERP's posting of a receipt changes neither procurement's status nor the order's posting in the ERP. */
    @Override
    public PurchaseOrderState on(GoodsReceiptPostedInErp event, PurchaseOrderState order) {
        return order;
    }

    @Override
    public PurchaseOrderState on(PurchaseOrderCancelled event, PurchaseOrderState order) {
        return order.procurementStatus(ProcurementStatus.CANCELLED);
    }

    @Override
    public PurchaseOrderState on(PurchaseOrderClosed event, PurchaseOrderState order) {
        return order.procurementStatus(ProcurementStatus.CLOSED);
    }

    private static ProcurementStatus received(boolean fully) {
        return fully ? ProcurementStatus.RECEIVED : ProcurementStatus.PARTIALLY_RECEIVED;
    }
}
