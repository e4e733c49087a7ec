package org.integrationledger.query.purchaseorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Row of {@code purchase_order_view}: one purchase order in procurement and in its ERP, stored as the
 * {@link PurchaseOrderFold} left it ({@link PurchaseOrderState}); the rules are in the fold, not here.
 */
@Entity
@Table(name = "purchase_order_view")
class PurchaseOrderView {

    @Id
    @Column(name = "purchase_order_id")
    private String purchaseOrderId;
    @Column(name = "supplier_id")
    private String supplierId;
    @Column(name = "legal_entity")
    private String legalEntity;
    @Enumerated(EnumType.STRING)
    @Column(name = "procurement_status", nullable = false)
    private ProcurementStatus procurementStatus = ProcurementStatus.NOT_REPORTED;
    @Column(name = "procurement_version")
    private Integer procurementVersion;
    @Column(name = "total_amount")
    private BigDecimal totalAmount;
    @Column(name = "currency")
    private String currency;
    @Column(name = "routed_to")
    private String routedTo;
    @Enumerated(EnumType.STRING)
    @Column(name = "erp_status", nullable = false)
    private ErpPostingStatus erpStatus = ErpPostingStatus.NOT_POSTED;
    @Column(name = "erp_system")
    private String erpSystem;
    @Column(name = "erp_version")
    private Integer erpVersion;
    @Column(name = "erp_document_number")
    private String erpDocumentNumber;
    @Column(name = "erp_rejection_reason")
    private String erpRejectionReason;
    @Column(name = "stale_acknowledgments", nullable = false)
    private int staleAcknowledgments;
    @Column(name = "last_business_time", nullable = false)
    private Instant lastBusinessTime;
    @Column(name = "last_recorded_at", nullable = false)
    private Instant lastRecordedAt;
    @Column(name = "event_count", nullable = false)
    private long eventCount;

    protected PurchaseOrderView() {
    }

    PurchaseOrderView(PurchaseOrderState state) {
        this.purchaseOrderId = state.purchaseOrderId();
        write(state);
    }

    /** The row as the fold's state. */
    PurchaseOrderState state() {
        return new PurchaseOrderState(purchaseOrderId, supplierId, legalEntity, procurementStatus,
                procurementVersion, totalAmount, currency, routedTo, erpStatus, erpSystem, erpVersion,
                erpDocumentNumber, erpRejectionReason, staleAcknowledgments, lastBusinessTime, lastRecordedAt,
                eventCount);
    }

    /** Takes the fold's new state; a managed row is then written when the processor's batch commits. */
    void write(PurchaseOrderState state) {
        supplierId = state.supplierId();
        legalEntity = state.legalEntity();
        procurementStatus = state.procurementStatus();
        procurementVersion = state.procurementVersion();
        totalAmount = state.totalAmount();
        currency = state.currency();
        routedTo = state.routedTo();
        erpStatus = state.erpStatus();
        erpSystem = state.erpSystem();
        erpVersion = state.erpVersion();
        erpDocumentNumber = state.erpDocumentNumber();
        erpRejectionReason = state.erpRejectionReason();
        staleAcknowledgments = state.staleAcknowledgments();
        lastBusinessTime = state.lastBusinessTime();
        lastRecordedAt = state.lastRecordedAt();
        eventCount = state.eventCount();
    }

    PurchaseOrderSummary toSummary() {
        return state().toSummary();
    }
}
