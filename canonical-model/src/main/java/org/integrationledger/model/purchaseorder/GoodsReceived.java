package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Goods were received against lines of the order; {@code fullyReceived} tells whether every line needing a receipt is now complete. */
@Revision("1")
public record GoodsReceived(PurchaseOrderId purchaseOrderId, String receiptNumber,
        List<ReceiptLine> lines, boolean fullyReceived,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
