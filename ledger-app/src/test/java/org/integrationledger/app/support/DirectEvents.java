package org.integrationledger.app.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events appended to the store directly, past the command bus, for tests of what readers make of them. */
public final class DirectEvents {

    private DirectEvents() {
    }

    /** An order's first event, stamped (recorded) at the given time. */
    public static DomainEventMessage<PurchaseOrderIssued> issued(String po, Instant timestamp) {
        UnitPrice price = UnitPrice.of("10.00", "USD");
        PurchaseOrderIssued event = new PurchaseOrderIssued(PurchaseOrderId.of(po), SupplierId.of("SUP-1"),
                LegalEntityId.of("US01"), SystemId.of("ERP_NA"), "REQ-1",
                List.of(new PurchaseOrderLine(1, "Gasket", Quantity.of("1", "EA"), price, true)),
                Money.of("10.00", "USD"), 1, null, SystemId.of("PROCUREMENT"), timestamp);
        return new GenericDomainEventMessage<>("PurchaseOrder", DocumentKind.PURCHASE_ORDER.key(po), 0, event,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp);
    }
}
