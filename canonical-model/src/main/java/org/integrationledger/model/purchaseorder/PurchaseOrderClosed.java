package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Procurement closed the order. */
@Revision("1")
public record PurchaseOrderClosed(PurchaseOrderId purchaseOrderId,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {
}
