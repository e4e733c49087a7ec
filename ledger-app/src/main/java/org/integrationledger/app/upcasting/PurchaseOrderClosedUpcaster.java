package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.springframework.stereotype.Component;

/**
 * {@code PurchaseOrderClosed} revision 1 → 2: adds {@code reason = COMPLETED}. Revision 1 closures carried no
 * reason because procurement then closed only completed orders; left to Java's default (null) they would read
 * as "reason unknown". As a Spring bean, Axon's auto-configuration puts it into the upcaster chain that the
 * event store, the aggregates, the processors and the audit replays all read through.
 */
@Component
class PurchaseOrderClosedUpcaster extends PayloadRevisionUpcaster {

    PurchaseOrderClosedUpcaster() {
        super("1", "2", PurchaseOrderClosed.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.put("reason", ClosureReason.COMPLETED.name());
    }
}
