package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Procurement issued version 1 of the order; {@code routedTo} is the ERP that must post it, by the routing rule in force. */
@Revision("1")
public record PurchaseOrderIssued(PurchaseOrderId purchaseOrderId, SupplierId supplier,
        LegalEntityId legalEntity, SystemId routedTo, String requisitionNumber, List<PurchaseOrderLine> lines,
        Money total, int version,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {
}
