package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/**
 * Procurement issued version 1 of the order; {@code routedTo} is the ERP that must post it. {@code routing} is the
 * whole routing decision (tax regime, region and the version of the legal entity's routing rule that made it); it
 * is null on orders recorded before routing decisions were (their {@code routedTo} stands alone).
 */
@Revision("1")
public record PurchaseOrderIssued(PurchaseOrderId purchaseOrderId, SupplierId supplier,
        LegalEntityId legalEntity, SystemId routedTo, String requisitionNumber, List<PurchaseOrderLine> lines,
        Money total, int version, RoutingDecision routing,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
