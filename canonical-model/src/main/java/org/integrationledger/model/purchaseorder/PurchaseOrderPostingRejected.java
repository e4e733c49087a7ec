package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The reporting ERP refused to post {@code version} of the order. */
@Revision("1")
public record PurchaseOrderPostingRejected(PurchaseOrderId purchaseOrderId, int version,
        String reasonCode, String reason,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
