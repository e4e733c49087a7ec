package org.integrationledger.query.purchaseorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.integrationledger.model.purchaseorder.ErpPostingStatus;
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
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** Row of {@code purchase_order_view}: one purchase order in procurement and in its ERP. */
@Entity
@Table(name = "purchase_order_view")
class PurchaseOrderView implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

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

    PurchaseOrderView(String purchaseOrderId) {
        this.purchaseOrderId = purchaseOrderId;
    }

    /**
     * Applies one recorded event. The live projection and the audit's as-of replay both come here, so a state
     * rebuilt for a past instant is computed by exactly the rules that built the live row.
     */
    void apply(PurchaseOrderEvent event, Instant recordedAt) {
        if (event instanceof RequisitionApproved approved) {
            requisitionApproved(approved.legalEntity().value());
        } else if (event instanceof PurchaseOrderIssued issued) {
            issued(issued.supplier().value(), issued.legalEntity().value(), issued.routedTo().value(),
                    issued.version(), issued.total());
        } else if (event instanceof PurchaseOrderAmended amended) {
            amended(amended.version(), amended.total(), amended.fullyReceived());
        } else if (event instanceof PurchaseOrderPostedInErp posted) {
            postedInErp(posted.reportingSystem().value(), posted.version(), posted.erpDocumentNumber());
        } else if (event instanceof StalePostingAcknowledgmentRecorded stale) {
            staleAcknowledgment(stale.reportingSystem().value(), stale.version(),
                    stale.erpDocumentNumber());
        } else if (event instanceof PurchaseOrderPostingRejected rejected) {
            postingRejected(rejected.reportingSystem().value(), rejected.version(),
                    rejected.reasonCode() + ": " + rejected.reason());
        } else if (event instanceof GoodsReceived received) {
            received(received.fullyReceived());
        } else if (event instanceof PurchaseOrderCancelled) {
            status(ProcurementStatus.CANCELLED);
        } else if (event instanceof PurchaseOrderClosed) {
            status(ProcurementStatus.CLOSED);
        }
        // Stale amendments are kept for the record; they only count as activity.
        touched(event.occurredAt(), recordedAt);
    }

    void touched(Instant occurredAt, Instant recordedAt) {
        if (lastBusinessTime == null || occurredAt.isAfter(lastBusinessTime)) {
            lastBusinessTime = occurredAt;
        }
        lastRecordedAt = recordedAt;
        eventCount++;
    }

    void requisitionApproved(String legalEntity) {
        if (procurementStatus == ProcurementStatus.NOT_REPORTED) {
            procurementStatus = ProcurementStatus.REQUISITION_APPROVED;
        }
        if (this.legalEntity == null) {
            this.legalEntity = legalEntity;
        }
    }

    void issued(String supplierId, String legalEntity, String routedTo, int version, Money total) {
        this.supplierId = supplierId;
        this.legalEntity = legalEntity;
        this.routedTo = routedTo;
        this.procurementStatus = ProcurementStatus.ISSUED;
        newVersion(version, total);
    }

    void amended(int version, Money total, boolean fullyReceived) {
        newVersion(version, total);
        // A new version can complete a partly received order (less ordered) or reopen a received one (more).
        if (procurementStatus == ProcurementStatus.PARTIALLY_RECEIVED
                || procurementStatus == ProcurementStatus.RECEIVED) {
            received(fullyReceived);
        }
    }

    private void newVersion(int version, Money total) {
        this.procurementVersion = version;
        this.totalAmount = total.amount();
        this.currency = total.currency().value();
    }

    void postedInErp(String erpSystem, int version, String documentNumber) {
        this.erpStatus = ErpPostingStatus.POSTED;
        this.erpSystem = erpSystem;
        this.erpVersion = version;
        this.erpDocumentNumber = documentNumber;
        this.erpRejectionReason = null;
    }

    /**
     * The ERP does hold the older version it acknowledged late: while it has acknowledged nothing newer, that is its
     * position (behind procurement, which erpBehindProcurement says); a newer acknowledgment stands. Either way the
     * late acknowledgment is counted.
     */
    void staleAcknowledgment(String erpSystem, int version, String documentNumber) {
        staleAcknowledgments++;
        if (erpVersion == null || version > erpVersion) {
            postedInErp(erpSystem, version, documentNumber);
        }
    }

    void postingRejected(String erpSystem, int version, String reason) {
        if (erpVersion != null && version < erpVersion) {
            return; // a rejection of a version older than the one the ERP holds does not change where it stands
        }
        this.erpStatus = ErpPostingStatus.REJECTED;
        this.erpSystem = erpSystem;
        this.erpRejectionReason = reason;
    }

    void received(boolean fully) {
        procurementStatus = fully ? ProcurementStatus.RECEIVED : ProcurementStatus.PARTIALLY_RECEIVED;
    }

    void status(ProcurementStatus status) {
        procurementStatus = status;
    }

    String purchaseOrderId() {
        return purchaseOrderId;
    }

    /** The table's columns in the order of {@link #copyRow()}; the rebuild writes them with COPY. */
    static final String COLUMNS = """
            purchase_order_id, supplier_id, legal_entity, procurement_status, procurement_version, total_amount,
            currency, routed_to, erp_status, erp_system, erp_version, erp_document_number, erp_rejection_reason,
            stale_acknowledgments, last_business_time, last_recorded_at, event_count""";

    /** This row's values in the order of {@link #COLUMNS}, as the JPA mapping above stores them. */
    Object[] copyRow() {
        return new Object[]{purchaseOrderId, supplierId, legalEntity, procurementStatus, procurementVersion,
                totalAmount, currency, routedTo, erpStatus, erpSystem, erpVersion, erpDocumentNumber,
                erpRejectionReason, staleAcknowledgments, lastBusinessTime, lastRecordedAt, eventCount};
    }

    /**
     * The row as one line of text for checksums of the table: decimals without trailing zeros (the column has
     * scale 4), so the text does not depend on how a value was written.
     */
    String canonicalLine() {
        return String.join("|", purchaseOrderId, String.valueOf(supplierId), String.valueOf(legalEntity),
                procurementStatus.name(), String.valueOf(procurementVersion),
                totalAmount == null ? "null" : totalAmount.stripTrailingZeros().toPlainString(),
                String.valueOf(currency), String.valueOf(routedTo), erpStatus.name(), String.valueOf(erpSystem),
                String.valueOf(erpVersion), String.valueOf(erpDocumentNumber), String.valueOf(erpRejectionReason),
                String.valueOf(staleAcknowledgments), String.valueOf(lastBusinessTime), String.valueOf(lastRecordedAt), String.valueOf(eventCount));
    }

    PurchaseOrderSummary toSummary() {
        return new PurchaseOrderSummary(
                PurchaseOrderId.of(purchaseOrderId),
                supplierId == null ? null : SupplierId.of(supplierId),
                legalEntity == null ? null : LegalEntityId.of(legalEntity),
                procurementStatus,
                procurementVersion,
                totalAmount == null ? null : new Money(totalAmount, CurrencyCode.of(currency)),
                routedTo == null ? null : SystemId.of(routedTo),
                erpStatus,
                erpSystem == null ? null : SystemId.of(erpSystem),
                erpVersion,
                erpDocumentNumber,
                erpRejectionReason,
                procurementVersion != null && (erpVersion == null || erpVersion < procurementVersion),
                staleAcknowledgments,
                lastBusinessTime,
                lastRecordedAt,
                eventCount);
    }
}
