package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * The reporting ERP posted the goods receipt {@code receiptNumber} of the order as {@code erpDocumentNumber}.
 * Recorded as reported and flagged, never refused: {@code receiptKnown} is false when the ledger had not recorded a
 * receipt of that number on the order (the warehouse's message may still be on its way; the accrual pairs them by
 * number whenever it comes), and {@code notTheRoutedErp} is true when an ERP other than the order's routed one
 * posted it, which therefore does not post it in the books the accrual is booked in.
 */
@Revision("1")
public record GoodsReceiptPostedInErp(PurchaseOrderId purchaseOrderId, String receiptNumber,
        String erpDocumentNumber, boolean receiptKnown, boolean notTheRoutedErp,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
