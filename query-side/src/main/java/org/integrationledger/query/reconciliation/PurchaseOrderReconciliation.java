package org.integrationledger.query.reconciliation;

import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.ReceiptExcess;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.shared.Money;
import org.integrationledger.query.fold.Fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules of the reconciliation view for purchase orders: procurement is the source, the ERP the order is routed to
 * must hold its current version, and any other ERP that reports it is flagged. Each event changes a copy of the
 * order (its position in the reporting system), whose divergences are then recomputed from its whole state.
 */
final class PurchaseOrderReconciliation implements Fold<PurchaseOrderEvent, ReconciliationState>,
        PurchaseOrderEvent.Visitor<DocumentState, DocumentState> {

    private final SystemRegions regions;

    /** @param regions the region of each system: an order known only downstream has no routing region yet */
    PurchaseOrderReconciliation(SystemRegions regions) {
        this.regions = regions;
    }

    @Override
    public Class<PurchaseOrderEvent> events() {
        return PurchaseOrderEvent.class;
    }

    @Override
    public String key(PurchaseOrderEvent event) {
        return ReconciliationState.key(DocumentType.PURCHASE_ORDER, event.purchaseOrderId().value());
    }

    @Override
    public ReconciliationState initial(String key) {
        return ReconciliationState.initial(key);
    }

    @Override
    public ReconciliationState apply(ReconciliationState state, PurchaseOrderEvent event, Instant recordedAt) {
        DocumentState order = state.document().copy();
        order.touched(event.occurredAt(), recordedAt);
        event.accept(this, order);
        order.refresh(divergences(order, regions));
        return state.withDocument(order);
    }

    @Override
    public DocumentState on(RequisitionApproved approved, DocumentState order) {
        String system = approved.reportingSystem().value();
        order.legalEntity = approved.legalEntity().value();
        order.sourceSystem = system;
        if (!order.sourceKnown) {
            order.status = DocumentStatus.REQUISITION_APPROVED;
        }
        SystemRow source = source(order, approved);
        source.state = order.sourceKnown ? source.state : PositionState.REQUISITION_APPROVED;
        source.reference = approved.requisitionNumber();
        return order;
    }

    @Override
    public DocumentState on(PurchaseOrderIssued issued, DocumentState order) {
        order.sourceKnown = true;
        order.sourceSystem = issued.reportingSystem().value();
        order.status = DocumentStatus.ISSUED;
        order.supplierId = issued.supplier().value();
        order.legalEntity = issued.legalEntity().value();
        order.routedTo = issued.routedTo().value();
        if (issued.routing() != null) {
            order.routingRuleVersion = issued.routing().ruleVersion();
            order.region = issued.routing().region();
        }
        order.currentVersion = issued.version();
        amount(order, issued.total());
        order.sourceReportedAt = issued.occurredAt();
        order.versionChangedAt = issued.occurredAt();
        SystemRow source = source(order, issued);
        source.state = PositionState.ISSUED;
        source.version = issued.version();
        source.reference = issued.requisitionNumber();
        source.amount = issued.total().amount();
        source.currency = issued.total().currency().value();
        return order;
    }

    @Override
    public DocumentState on(PurchaseOrderAmended amended, DocumentState order) {
        order.status = DocumentStatus.AMENDED;
        order.currentVersion = amended.version();
        amount(order, amended.total());
        order.versionChangedAt = amended.occurredAt();
        order.receivedBeyondOrder = amended.receivedBeyondOrder();
        SystemRow source = source(order, amended);
        source.state = PositionState.AMENDED;
        source.version = amended.version();
        source.amount = amended.total().amount();
        source.currency = amended.total().currency().value();
        return order;
    }

    /** A stale amendment changes nothing here: the newer version stands. */
    @Override
    public DocumentState on(StaleAmendmentRecorded stale, DocumentState order) {
        return order;
    }

    @Override
    public DocumentState on(PurchaseOrderPostedInErp posted, DocumentState order) {
        SystemRow erp = erp(order, posted);
        erp.state = PositionState.POSTED;
        erp.version = erp.version == null ? posted.version() : Math.max(erp.version, posted.version());
        erp.reference = posted.erpDocumentNumber();
        erp.amount = posted.postedTotal() == null ? null : posted.postedTotal().amount();
        erp.currency = posted.postedTotal() == null ? null : posted.postedTotal().currency().value();
        erp.status = PositionStatus.of(posted.erpStatus());
        return order;
    }

    /**
     * The ERP does hold the older version: while it holds nothing newer that is its position, labelled STALE; a stale
     * acknowledgment behind a newer one changes nothing.
     */
    @Override
    public DocumentState on(StalePostingAcknowledgmentRecorded stale, DocumentState order) {
        SystemRow known = order.systems.get(stale.reportingSystem().value());
        if (known == null || known.version == null || known.version < stale.version()) {
            SystemRow erp = erp(order, stale);
            erp.state = PositionState.STALE;
            erp.version = stale.version();
            erp.reference = stale.erpDocumentNumber();
            erp.amount = stale.postedTotal() == null ? null : stale.postedTotal().amount();
            erp.currency = stale.postedTotal() == null ? null : stale.postedTotal().currency().value();
            erp.status = PositionStatus.of(stale.erpStatus());
        }
        return order;
    }

    @Override
    public DocumentState on(PurchaseOrderPostingRejected rejected, DocumentState order) {
        SystemRow erp = erp(order, rejected);
        erp.state = PositionState.REJECTED;
        erp.rejectedVersion = rejected.version();
        erp.reference = erp.reference == null ? rejected.reasonCode() : erp.reference;
        return order;
    }

    /**
     * Receipts are on the trace; they do not change where the order sits in procurement or its routed ERP. One
     * reported by another system puts that system on the order, flagged WRONG_SYSTEM.
     */
    @Override
    public DocumentState on(GoodsReceived received, DocumentState order) {
        order.receivedBeyondOrder = received.receivedBeyondOrder();
        String system = received.reportingSystem().value();
        if (!system.equals(order.sourceSystem) && !system.equals(order.routedTo)) {
            SystemRow other = erp(order, received);
            if (other.state == null) {
                other.state = PositionState.RECEIPT_REPORTED;
                other.reference = received.receiptNumber();
            }
        }
        return order;
    }

    /** Like a receipt: an ERP other than the routed one that posts a receipt is put on the order, flagged. */
    @Override
    public DocumentState on(GoodsReceiptPostedInErp posted, DocumentState order) {
        String system = posted.reportingSystem().value();
        if (!system.equals(order.sourceSystem) && !system.equals(order.routedTo)) {
            SystemRow other = erp(order, posted);
            if (other.state == null) {
                other.state = PositionState.RECEIPT_REPORTED;
                other.reference = posted.erpDocumentNumber();
            }
        }
        return order;
    }

    @Override
    public DocumentState on(PurchaseOrderCancelled cancelled, DocumentState order) {
        return finish(order, DocumentStatus.CANCELLED, PositionState.CANCELLED, cancelled);
    }

    @Override
    public DocumentState on(PurchaseOrderClosed closed, DocumentState order) {
        return finish(order, DocumentStatus.CLOSED, PositionState.CLOSED, closed);
    }

    /** The divergences open on the order now, from its whole state (which gains a PENDING row for a silent ERP). */
    static List<OpenDivergence> divergences(DocumentState order, SystemRegions regions) {
        List<OpenDivergence> open = new ArrayList<>();
        if (!order.sourceKnown) {
            // One flag per system that reported the order ahead of procurement, in that system's region.
            order.systems.values().stream().filter(row -> row.role != SystemRole.SOURCE).forEach(row ->
                    open.add(new OpenDivergence(Divergence.KNOWN_ONLY_DOWNSTREAM, row.system,
                            regions.of(row.system), order.firstBusinessTime, row.system + " reported the order "
                            + "before procurement issued it")));
            return open;
        }
        boolean finished = order.status != null && order.status.finished();
        for (SystemRow row : order.systems.values()) {
            if (row.role == SystemRole.SOURCE) {
                continue;
            }
            row.role = row.system.equals(order.routedTo) ? SystemRole.ROUTED : SystemRole.OTHER;
            boolean routed = row.role == SystemRole.ROUTED;
            if (routed && !row.holdsAVersion() && !finished) {
                open.add(flag(order, Divergence.NOT_ACKNOWLEDGED, row, order.sourceReportedAt,
                        row.system + " has not acknowledged the order"));
            }
            if (routed && row.holdsAVersion() && row.version < order.currentVersion && !finished) {
                open.add(flag(order, Divergence.VERSION_BEHIND, row, order.versionChangedAt, row.system + " holds version "
                        + row.version + ", procurement is at version " + order.currentVersion
                        + (row.state == PositionState.STALE ? " (acknowledged late, after a newer version existed)"
                        : "")));
            }
            if (row.refusedItsLatest()) {
                open.add(flag(order, Divergence.REJECTED, row, row.businessTime, row.system + " refused version "
                        + row.rejectedVersion));
            }
            if (!routed && (row.holdsAVersion() || row.rejectedVersion != null
                    || row.state == PositionState.RECEIPT_REPORTED)) {
                open.add(flag(order, Divergence.WRONG_SYSTEM, row, row.businessTime, "routed to " + order.routedTo
                        + " but reported by " + row.system));
            }
            if (row.holdsAVersion() && row.amount != null && row.version == order.currentVersion
                    && (!row.currency.equals(order.currency) || row.amount.compareTo(order.amount) != 0)) {
                open.add(flag(order, Divergence.AMOUNT_MISMATCH, row, later(row.businessTime, order.versionChangedAt),
                        row.system + " holds " + DocumentState.money(row.amount, row.currency) + ", procurement "
                        + DocumentState.money(order.amount, order.currency)));
            }
            if (row.holdsAVersion() && statusDiffers(order.status, row.status)) {
                open.add(flag(order, Divergence.STATUS_MISMATCH, row, later(row.businessTime, order.statusChangedAt),
                        "procurement: " + order.status + ", " + row.system + ": " + row.status));
            }
        }
        open.addAll(receivedBeyondOrder(order));
        if (order.routedTo != null && !finished && !order.systems.containsKey(order.routedTo)) {
            SystemRow pending = order.system(order.routedTo);
            pending.role = SystemRole.ROUTED;
            pending.state = PositionState.PENDING;
            open.add(flag(order, Divergence.NOT_ACKNOWLEDGED, pending, order.sourceReportedAt,
                    order.routedTo + " has not acknowledged the order"));
        }
        return open;
    }

    /**
     * Goods received beyond the order are flagged on procurement's row (an amendment there is what covers them) from
     * the receipt or amendment that left them so until one that does not; events that say nothing of receipts leave
     * the flag as it stands.
     */
    private static List<OpenDivergence> receivedBeyondOrder(DocumentState order) {
        if (order.receivedBeyondOrder == null) {
            return order.divergences.values().stream()
                    .filter(open -> open.flag() == Divergence.RECEIVED_BEYOND_ORDER).toList();
        }
        if (order.receivedBeyondOrder.isEmpty()) {
            return List.of();
        }
        return List.of(new OpenDivergence(Divergence.RECEIVED_BEYOND_ORDER, order.sourceSystem, order.region,
                order.lastBusinessTime, "received beyond the order: " + order.receivedBeyondOrder.stream()
                .map(ReceiptExcess::describe).collect(Collectors.joining("; "))));
    }

    /** Procurement's finished order must be finished the same way in the ERP; any other order must be open there. */
    private static boolean statusDiffers(DocumentStatus procurementStatus, PositionStatus erpStatus) {
        PositionStatus erp = erpStatus == null ? PositionStatus.OPEN : erpStatus;
        PositionStatus procurement = procurementStatus == DocumentStatus.CANCELLED ? PositionStatus.CANCELLED
                : procurementStatus == DocumentStatus.CLOSED ? PositionStatus.CLOSED : PositionStatus.OPEN;
        return procurement != erp;
    }

    private static OpenDivergence flag(DocumentState order, Divergence divergence, SystemRow row, Instant since,
                                       String detail) {
        return new OpenDivergence(divergence, row.system, order.region, since == null ? order.lastBusinessTime : since,
                detail);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static DocumentState finish(DocumentState order, DocumentStatus status, PositionState state,
                                        PurchaseOrderEvent event) {
        order.status = status;
        order.statusChangedAt = event.occurredAt();
        source(order, event).state = state;
        return order;
    }

    private static void amount(DocumentState order, Money total) {
        order.amount = total.amount();
        order.currency = total.currency().value();
    }

    /** The reporting system's row as procurement's, touched by the event (recorded when the order was touched). */
    private static SystemRow source(DocumentState order, PurchaseOrderEvent event) {
        SystemRow row = order.system(event.reportingSystem().value());
        row.role = SystemRole.SOURCE;
        row.businessTime = event.occurredAt();
        row.recordedAt = order.lastRecordedAt;
        return row;
    }

    private static SystemRow erp(DocumentState order, PurchaseOrderEvent event) {
        String system = event.reportingSystem().value();
        SystemRow row = order.system(system);
        row.role = system.equals(order.routedTo) ? SystemRole.ROUTED : SystemRole.OTHER;
        row.businessTime = event.occurredAt();
        row.recordedAt = order.lastRecordedAt;
        return row;
    }
}
