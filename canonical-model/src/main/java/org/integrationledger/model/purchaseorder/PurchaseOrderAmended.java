package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/**
 * Procurement issued a new version of the order; its lines and total replace the previous ones.
 * {@code fullyReceived} tells whether the goods already received complete the new version. An amendment that
 * orders less on a line than has already arrived (or drops such a line) is procurement's fact and is recorded:
 * {@code receivedBeyondOrder} lists every line on which the goods received exceed the new version, empty when none
 * (an amendment that covers them again is the corrected data). Revision 2 added it; revision 1 amendments were
 * refused below the received quantities, so they read as empty.
 */
@Revision("2")
public record PurchaseOrderAmended(PurchaseOrderId purchaseOrderId, int version,
        List<PurchaseOrderLine> lines, Money total, Money previousTotal, String reason, boolean fullyReceived,
        List<ReceiptExcess> receivedBeyondOrder,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    public PurchaseOrderAmended {
        receivedBeyondOrder = receivedBeyondOrder == null ? List.of() : List.copyOf(receivedBeyondOrder);
    }

    /** An amendment that still covers everything received. */
    public PurchaseOrderAmended(PurchaseOrderId purchaseOrderId, int version, List<PurchaseOrderLine> lines,
                                Money total, Money previousTotal, String reason, boolean fullyReceived,
                                SystemId reportingSystem, Instant occurredAt) {
        this(purchaseOrderId, version, lines, total, previousTotal, reason, fullyReceived, List.of(),
                reportingSystem, occurredAt);
    }

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
