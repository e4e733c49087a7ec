package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Every fact recorded about a purchase order names the order, the reporting system and the business time. */
public sealed interface PurchaseOrderEvent permits RequisitionApproved, PurchaseOrderIssued, PurchaseOrderAmended,
        StaleAmendmentRecorded, PurchaseOrderPostedInErp, StalePostingAcknowledgmentRecorded,
        PurchaseOrderPostingRejected, GoodsReceived, PurchaseOrderCancelled, PurchaseOrderClosed {

    PurchaseOrderId purchaseOrderId();

    SystemId reportingSystem();

    /** Business time: when it happened in the reporting system (not when the ledger recorded it). */
    Instant occurredAt();
}
