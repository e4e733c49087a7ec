package org.integrationledger.query.purchaseorder;

import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
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

/**
 * Where one purchase order stands in procurement and in its ERP, as {@link PurchaseOrderFold} computes it: immutable,
 * statuses as enums, values in the form {@code purchase_order_view} stores them (ids as text, the total as amount and
 * currency), so a rebuild can spill it and write it without converting.
 */
public record PurchaseOrderState(String purchaseOrderId, String supplierId, String legalEntity,
                                 ProcurementStatus procurementStatus, Integer procurementVersion,
                                 BigDecimal totalAmount, String currency, String routedTo, ErpPostingStatus erpStatus,
                                 String erpSystem, Integer erpVersion, String erpDocumentNumber,
                                 String erpRejectionReason, int staleAcknowledgments, Instant lastBusinessTime,
                                 Instant lastRecordedAt, long eventCount) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The table's columns in the order of {@link #copyRow()}; the rebuild writes them with COPY. */
    static final String COLUMNS = """
            purchase_order_id, supplier_id, legal_entity, procurement_status, procurement_version, total_amount,
            currency, routed_to, erp_status, erp_system, erp_version, erp_document_number, erp_rejection_reason,
            stale_acknowledgments, last_business_time, last_recorded_at, event_count""";

    /** An order no event has mentioned yet. */
    static PurchaseOrderState initial(String purchaseOrderId) {
        return new PurchaseOrderState(purchaseOrderId, null, null, ProcurementStatus.NOT_REPORTED, null, null, null,
                null, ErpPostingStatus.NOT_POSTED, null, null, null, null, 0, null, null, 0);
    }

    /** Procurement's side as it now stands. */
    PurchaseOrderState procurement(String supplierId, String legalEntity, String routedTo,
                                   ProcurementStatus status, Integer version, BigDecimal totalAmount,
                                   String currency) {
        return new PurchaseOrderState(purchaseOrderId, supplierId, legalEntity, status, version, totalAmount,
                currency, routedTo, erpStatus, erpSystem, erpVersion, erpDocumentNumber, erpRejectionReason,
                staleAcknowledgments, lastBusinessTime, lastRecordedAt, eventCount);
    }

    PurchaseOrderState procurementStatus(ProcurementStatus status) {
        return procurement(supplierId, legalEntity, routedTo, status, procurementVersion, totalAmount, currency);
    }

    /** The ERP's side as it now stands. */
    PurchaseOrderState erp(ErpPostingStatus status, String system, Integer version, String documentNumber,
                           String rejectionReason, int staleAcknowledgments) {
        return new PurchaseOrderState(purchaseOrderId, supplierId, legalEntity, procurementStatus,
                procurementVersion, totalAmount, currency, routedTo, status, system, version, documentNumber,
                rejectionReason, staleAcknowledgments, lastBusinessTime, lastRecordedAt, eventCount);
    }

    /** One more event: business time only moves forward, recorded time is the event's. */
    PurchaseOrderState touched(Instant occurredAt, Instant recordedAt) {
        Instant business = lastBusinessTime == null || occurredAt.isAfter(lastBusinessTime)
                ? occurredAt : lastBusinessTime;
        return new PurchaseOrderState(purchaseOrderId, supplierId, legalEntity, procurementStatus,
                procurementVersion, totalAmount, currency, routedTo, erpStatus, erpSystem, erpVersion,
                erpDocumentNumber, erpRejectionReason, staleAcknowledgments, business, recordedAt, eventCount + 1);
    }

    /** This state's values in the order of {@link #COLUMNS}, as the JPA mapping stores them. */
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
                String.valueOf(staleAcknowledgments), String.valueOf(lastBusinessTime),
                String.valueOf(lastRecordedAt), String.valueOf(eventCount));
    }

    /** The contract's answer for this order; the ERP is behind while it holds no version or an older one. */
    public PurchaseOrderSummary toSummary() {
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
