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
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.query.fold.Fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Rules of the reconciliation view for purchase orders: procurement is the source, the ERP the order is routed to
 * must hold its current version, and any other ERP that reports it is flagged. Each event answers the order with its
 * position in the reporting system changed, whose divergences are then recomputed from its whole state.
 */
final class PurchaseOrderReconciliation implements Fold<PurchaseOrderEvent, ReconciliationState>,
        PurchaseOrderEvent.Visitor<DocumentState, DocumentState> {

    private static final ReceivedBeyondOrder RECEIVED_BEYOND_ORDER = new ReceivedBeyondOrder();

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
        DocumentState order = event.accept(this, state.document().touched(event.occurredAt(), recordedAt));
        return state.withDocument(settled(order, event.accept(RECEIVED_BEYOND_ORDER, null), regions));
    }

    @Override
    public DocumentState on(RequisitionApproved approved, DocumentState order) {
        DocumentState changed = order.withLegalEntity(approved.legalEntity().value())
                .withSourceSystem(approved.reportingSystem().value());
        if (!order.sourceKnown()) {
            changed = changed.withStatus(DocumentStatus.REQUISITION_APPROVED);
        }
        return source(changed, approved, row -> (order.sourceKnown() ? row
                : row.withState(PositionState.REQUISITION_APPROVED)).withReference(approved.requisitionNumber()));
    }

    @Override
    public DocumentState on(PurchaseOrderIssued issued, DocumentState order) {
        DocumentState changed = order.withSourceKnown(true).withSourceSystem(issued.reportingSystem().value())
                .withStatus(DocumentStatus.ISSUED).withSupplierId(issued.supplier().value())
                .withLegalEntity(issued.legalEntity().value()).withRoutedTo(issued.routedTo().value());
        if (issued.routing() != null) {
            changed = changed.withRoutingRuleVersion(issued.routing().ruleVersion())
                    .withRegion(issued.routing().region());
        }
        changed = changed.withCurrentVersion(issued.version()).withAmount(issued.total())
                .withSourceReportedAt(issued.occurredAt()).withVersionChangedAt(issued.occurredAt());
        return source(changed, issued, row -> row.withState(PositionState.ISSUED).withVersion(issued.version())
                .withReference(issued.requisitionNumber()).withAmount(issued.total()));
    }

    @Override
    public DocumentState on(PurchaseOrderAmended amended, DocumentState order) {
        DocumentState changed = order.withStatus(DocumentStatus.AMENDED).withCurrentVersion(amended.version())
                .withAmount(amended.total()).withVersionChangedAt(amended.occurredAt());
        return source(changed, amended, row -> row.withState(PositionState.AMENDED).withVersion(amended.version())
                .withAmount(amended.total()));
    }

    /** A stale amendment changes nothing here: the newer version stands. */
    @Override
    public DocumentState on(StaleAmendmentRecorded stale, DocumentState order) {
        return order;
    }

    @Override
    public DocumentState on(PurchaseOrderPostedInErp posted, DocumentState order) {
        return erp(order, posted, row -> row.withState(PositionState.POSTED)
                .withVersion(row.version() == null ? posted.version() : Math.max(row.version(), posted.version()))
                .withReference(posted.erpDocumentNumber()).withAmount(posted.postedTotal())
                .withStatus(PositionStatus.of(posted.erpStatus())));
    }

    /**
     * The ERP does hold the older version: while it holds nothing newer that is its position, labelled STALE; a stale
     * acknowledgment behind a newer one changes nothing.
     */
    @Override
    public DocumentState on(StalePostingAcknowledgmentRecorded stale, DocumentState order) {
        SystemRow known = order.systems().get(stale.reportingSystem().value());
        if (known != null && known.version() != null && known.version() >= stale.version()) {
            return order;
        }
        return erp(order, stale, row -> row.withState(PositionState.STALE).withVersion(stale.version())
                .withReference(stale.erpDocumentNumber()).withAmount(stale.postedTotal())
                .withStatus(PositionStatus.of(stale.erpStatus())));
    }

    @Override
    public DocumentState on(PurchaseOrderPostingRejected rejected, DocumentState order) {
        return erp(order, rejected, row -> row.withState(PositionState.REJECTED)
                .withRejectedVersion(rejected.version())
                .withReference(row.reference() == null ? rejected.reasonCode() : row.reference()));
    }

    /**
     * Receipts are on the trace; they do not change where the order sits in procurement or its routed ERP. One
     * reported by another system puts that system on the order, flagged WRONG_SYSTEM.
     */
    @Override
    public DocumentState on(GoodsReceived received, DocumentState order) {
        String system = received.reportingSystem().value();
        if (system.equals(order.sourceSystem()) || system.equals(order.routedTo())) {
            return order;
        }
        return erp(order, received, row -> row.state() != null ? row
                : row.withState(PositionState.RECEIPT_REPORTED).withReference(received.receiptNumber()));
    }

    /** Like a receipt: an ERP other than the routed one that posts a receipt is put on the order, flagged. */
    @Override
    public DocumentState on(GoodsReceiptPostedInErp posted, DocumentState order) {
        String system = posted.reportingSystem().value();
        if (system.equals(order.sourceSystem()) || system.equals(order.routedTo())) {
            return order;
        }
        return erp(order, posted, row -> row.state() != null ? row
                : row.withState(PositionState.RECEIPT_REPORTED).withReference(posted.erpDocumentNumber()));
    }

    @Override
    public DocumentState on(PurchaseOrderCancelled cancelled, DocumentState order) {
        return finish(order, DocumentStatus.CANCELLED, PositionState.CANCELLED, cancelled);
    }

    @Override
    public DocumentState on(PurchaseOrderClosed closed, DocumentState order) {
        return finish(order, DocumentStatus.CLOSED, PositionState.CLOSED, closed);
    }

    /**
     * The order with its divergences open now, recomputed from its whole state: each ERP's role follows the routing,
     * and a silent routed ERP gains a PENDING row.
     *
     * @param beyondOrder what the event said of goods received beyond the order: null when it said nothing (the open
     *                    RECEIVED_BEYOND_ORDER flag, if any, stands), else every line then beyond the order
     */
    static DocumentState settled(DocumentState order, List<ReceiptExcess> beyondOrder, SystemRegions regions) {
        List<OpenDivergence> open = new ArrayList<>();
        if (!order.sourceKnown()) {
            // One flag per system that reported the order ahead of procurement, in that system's region.
            order.systems().values().stream().filter(row -> row.role() != SystemRole.SOURCE).forEach(row ->
                    open.add(new OpenDivergence(Divergence.KNOWN_ONLY_DOWNSTREAM, row.system(),
                            regions.of(row.system()), order.firstBusinessTime(), row.system() + " reported the order "
                            + "before procurement issued it")));
            return order.withDivergences(open);
        }
        boolean finished = order.status() != null && order.status().finished();
        DocumentState routed = order.withEachSystem(row -> row.role() == SystemRole.SOURCE ? row
                : row.withRole(row.system().equals(order.routedTo()) ? SystemRole.ROUTED : SystemRole.OTHER));
        for (SystemRow row : routed.systems().values()) {
            if (row.role() == SystemRole.SOURCE) {
                continue;
            }
            boolean isRouted = row.role() == SystemRole.ROUTED;
            if (isRouted && !row.holdsAVersion() && !finished) {
                open.add(flag(order, Divergence.NOT_ACKNOWLEDGED, row, order.sourceReportedAt(),
                        row.system() + " has not acknowledged the order"));
            }
            if (isRouted && row.holdsAVersion() && row.version() < order.currentVersion() && !finished) {
                open.add(flag(order, Divergence.VERSION_BEHIND, row, order.versionChangedAt(), row.system()
                        + " holds version " + row.version() + ", procurement is at version " + order.currentVersion()
                        + (row.state() == PositionState.STALE ? " (acknowledged late, after a newer version existed)"
                        : "")));
            }
            if (row.refusedItsLatest()) {
                open.add(flag(order, Divergence.REJECTED, row, row.businessTime(), row.system() + " refused version "
                        + row.rejectedVersion()));
            }
            if (!isRouted && (row.holdsAVersion() || row.rejectedVersion() != null
                    || row.state() == PositionState.RECEIPT_REPORTED)) {
                open.add(flag(order, Divergence.WRONG_SYSTEM, row, row.businessTime(), "routed to "
                        + order.routedTo() + " but reported by " + row.system()));
            }
            if (row.holdsAVersion() && row.amount() != null && row.version() == order.currentVersion()
                    && (!row.currency().equals(order.currency()) || row.amount().compareTo(order.amount()) != 0)) {
                open.add(flag(order, Divergence.AMOUNT_MISMATCH, row, later(row.businessTime(),
                        order.versionChangedAt()), row.system() + " holds "
                        + DocumentState.money(row.amount(), row.currency()) + ", procurement "
                        + DocumentState.money(order.amount(), order.currency())));
            }
            if (row.holdsAVersion() && statusDiffers(order.status(), row.status())) {
                open.add(flag(order, Divergence.STATUS_MISMATCH, row, later(row.businessTime(),
                        order.statusChangedAt()), "procurement: " + order.status() + ", " + row.system() + ": "
                        + row.status()));
            }
        }
        open.addAll(receivedBeyondOrder(order, beyondOrder));
        if (order.routedTo() != null && !finished && !order.systems().containsKey(order.routedTo())) {
            SystemRow pending = new SystemRow(order.routedTo()).withRole(SystemRole.ROUTED)
                    .withState(PositionState.PENDING);
            routed = routed.with(pending);
            open.add(flag(order, Divergence.NOT_ACKNOWLEDGED, pending, order.sourceReportedAt(),
                    order.routedTo() + " has not acknowledged the order"));
        }
        return routed.withDivergences(open);
    }

    /**
     * Goods received beyond the order are flagged on procurement's row (an amendment there is what covers them) from
     * the receipt or amendment that left them so until one that does not; events that say nothing of receipts leave
     * the flag as it stands.
     */
    private static List<OpenDivergence> receivedBeyondOrder(DocumentState order, List<ReceiptExcess> beyondOrder) {
        if (beyondOrder == null) {
            return order.divergences().values().stream()
                    .filter(open -> open.flag() == Divergence.RECEIVED_BEYOND_ORDER).toList();
        }
        if (beyondOrder.isEmpty()) {
            return List.of();
        }
        return List.of(new OpenDivergence(Divergence.RECEIVED_BEYOND_ORDER, order.sourceSystem(), order.region(),
                order.lastBusinessTime(), "received beyond the order: " + beyondOrder.stream()
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
        return new OpenDivergence(divergence, row.system(), order.region(),
                since == null ? order.lastBusinessTime() : since, detail);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static DocumentState finish(DocumentState order, DocumentStatus status, PositionState state,
                                        PurchaseOrderEvent event) {
        return source(order.withStatus(status, event.occurredAt()), event, row -> row.withState(state));
    }

    /** The reporting system's row as procurement's, touched by the event (recorded when the order was touched). */
    private static DocumentState source(DocumentState order, PurchaseOrderEvent event,
                                        UnaryOperator<SystemRow> change) {
        return order.withSystem(event.reportingSystem().value(), row -> change.apply(row.withRole(SystemRole.SOURCE)
                .touched(event.occurredAt(), order.lastRecordedAt())));
    }

    private static DocumentState erp(DocumentState order, PurchaseOrderEvent event, UnaryOperator<SystemRow> change) {
        String system = event.reportingSystem().value();
        return order.withSystem(system, row -> change.apply(row.withRole(system.equals(order.routedTo())
                ? SystemRole.ROUTED : SystemRole.OTHER).touched(event.occurredAt(), order.lastRecordedAt())));
    }

    /**
     * What an event says of goods received beyond the order: null when it says nothing of receipts, else every line
     * then beyond the order (empty: none).
     */
    private static final class ReceivedBeyondOrder implements PurchaseOrderEvent.Visitor<List<ReceiptExcess>, Void> {

        @Override
        public List<ReceiptExcess> on(GoodsReceived received, Void none) {
            return received.receivedBeyondOrder();
        }

        @Override
        public List<ReceiptExcess> on(PurchaseOrderAmended amended, Void none) {
            return amended.receivedBeyondOrder();
        }

        @Override
        public List<ReceiptExcess> on(GoodsReceiptPostedInErp posted, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(RequisitionApproved event, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(PurchaseOrderIssued event, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(StaleAmendmentRecorded event, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(PurchaseOrderPostedInErp event, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(StalePostingAcknowledgmentRecorded event, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(PurchaseOrderPostingRejected event, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(PurchaseOrderCancelled event, Void none) {
            return null;
        }

        @Override
        public List<ReceiptExcess> on(PurchaseOrderClosed event, Void none) {
            return null;
        }
    }
}
