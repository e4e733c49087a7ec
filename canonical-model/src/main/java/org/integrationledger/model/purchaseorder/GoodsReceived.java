package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/**
 * Goods were received against the order; {@code fullyReceived} tells whether every line needing a receipt is now
 * complete. The receiving system's fact is recorded as reported: {@code receivedBeyondOrder} lists every line on
 * which, after this receipt, more has been received than the order holds (or that the order does not have), empty
 * when none. Revision 2 added it; revision 1 receipts were refused when they went beyond the order, so they read
 * as empty.
 */
@Revision("2")
public record GoodsReceived(PurchaseOrderId purchaseOrderId, String receiptNumber,
        List<ReceiptLine> lines, boolean fullyReceived, List<ReceiptExcess> receivedBeyondOrder,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    public GoodsReceived {
        receivedBeyondOrder = receivedBeyondOrder == null ? List.of() : List.copyOf(receivedBeyondOrder);
    }

    /** A receipt within the order. */
    public GoodsReceived(PurchaseOrderId purchaseOrderId, String receiptNumber, List<ReceiptLine> lines,
                         boolean fullyReceived, SystemId reportingSystem, Instant occurredAt) {
        this(purchaseOrderId, receiptNumber, lines, fullyReceived, List.of(), reportingSystem, occurredAt);
    }

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
