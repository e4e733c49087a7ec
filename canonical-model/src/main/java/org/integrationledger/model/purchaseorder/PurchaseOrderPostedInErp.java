package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The reporting ERP acknowledged that it holds {@code version} of the order as {@code erpDocumentNumber}. */
@Revision("1")
public record PurchaseOrderPostedInErp(PurchaseOrderId purchaseOrderId, String erpDocumentNumber,
        int version,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {
}
