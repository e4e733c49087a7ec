package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.ErpDocumentStatus;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * The reporting ERP acknowledged that it holds {@code version} of the order as {@code erpDocumentNumber}.
 * {@code postedTotal} and {@code erpStatus} are what the ERP said it holds, null where the connector did not say
 * (events recorded before they existed deserialise with nulls: an ERP that did not say).
 */
@Revision("1")
public record PurchaseOrderPostedInErp(PurchaseOrderId purchaseOrderId, String erpDocumentNumber,
        int version, Money postedTotal, ErpDocumentStatus erpStatus,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
