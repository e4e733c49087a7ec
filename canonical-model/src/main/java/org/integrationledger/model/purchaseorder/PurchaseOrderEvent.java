package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Every fact recorded about a purchase order names the order, the reporting system and the business time. */
public sealed interface PurchaseOrderEvent permits RequisitionApproved, PurchaseOrderIssued, PurchaseOrderAmended,
        StaleAmendmentRecorded, PurchaseOrderPostedInErp, StalePostingAcknowledgmentRecorded,
        PurchaseOrderPostingRejected, GoodsReceived, GoodsReceiptPostedInErp, PurchaseOrderCancelled,
        PurchaseOrderClosed {

    PurchaseOrderId purchaseOrderId();

    SystemId reportingSystem();

    /** Business time: when it happened in the reporting system (not when the ledger recorded it). */
    Instant occurredAt();

    /**
     * Answers what {@code visitor} makes of this event, given {@code argument} (a fold passes the state it folds
     * into). Every event record calls its own {@code on}, so dispatch needs no type test.
     */
    <R, A> R accept(Visitor<R, A> visitor, A argument);

    /**
     * One method per event of the family, none with a default: adding an event to the family fails compilation of
     * every visitor (every read model) until it says what the new event does, even if that is nothing.
     *
     * @param <R> what the visitor answers (a fold: the new state)
     * @param <A> what it is given beside the event (a fold: the state before)
     */
    interface Visitor<R, A> {

        R on(RequisitionApproved event, A argument);

        R on(PurchaseOrderIssued event, A argument);

        R on(PurchaseOrderAmended event, A argument);

        R on(StaleAmendmentRecorded event, A argument);

        R on(PurchaseOrderPostedInErp event, A argument);

        R on(StalePostingAcknowledgmentRecorded event, A argument);

        R on(PurchaseOrderPostingRejected event, A argument);

        R on(GoodsReceived event, A argument);

        R on(GoodsReceiptPostedInErp event, A argument);

        R on(PurchaseOrderCancelled event, A argument);

        R on(PurchaseOrderClosed event, A argument);
    }
}
