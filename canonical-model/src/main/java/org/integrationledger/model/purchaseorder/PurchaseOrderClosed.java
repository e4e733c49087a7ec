package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * Procurement closed the order. Revision 2 added {@code reason}: revision 1 closures carried none, because
 * procurement then reported only completed orders as closed, so they are upcast with {@code COMPLETED}
 * (Java's default, null, would wrongly say "reason unknown").
 */
@Revision("2")
public record PurchaseOrderClosed(PurchaseOrderId purchaseOrderId, ClosureReason reason,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
