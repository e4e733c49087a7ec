package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * One purchase order side by side in procurement and in its ERP. Fields the ledger has not been told yet
 * are null (for example supplier and total while the order is known only from an ERP acknowledgment).
 * {@code staleAcknowledgments} counts ERP acknowledgments of a version older than the order's current one when they
 * were recorded; the ERP's position shows such a version while the ERP has acknowledged nothing newer.
 */
public record PurchaseOrderSummary(
        PurchaseOrderId purchaseOrderId,
        SupplierId supplier,
        LegalEntityId legalEntity,
        ProcurementStatus procurementStatus,
        Integer procurementVersion,
        Money total,
        SystemId routedTo,
        ErpPostingStatus erpStatus,
        SystemId erpSystem,
        Integer erpVersion,
        String erpDocumentNumber,
        String erpRejectionReason,
        boolean erpBehindProcurement,
        int staleAcknowledgments,
        Instant lastBusinessTime,
        Instant lastRecordedAt,
        long eventCount) {
}
