package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/**
 * Procurement issued a new version of the order; its lines and total replace the previous ones.
 * {@code fullyReceived} tells whether the goods already received complete the new version.
 */
@Revision("1")
public record PurchaseOrderAmended(PurchaseOrderId purchaseOrderId, int version,
        List<PurchaseOrderLine> lines, Money total, Money previousTotal, String reason, boolean fullyReceived,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
