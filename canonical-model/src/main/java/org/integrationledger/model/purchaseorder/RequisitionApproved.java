package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The requisition behind the purchase order was approved in procurement. */
@Revision("1")
public record RequisitionApproved(PurchaseOrderId purchaseOrderId, String requisitionNumber,
        String approvedBy, LegalEntityId legalEntity,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
