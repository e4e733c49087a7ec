package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
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
class PurchaseOrderClosedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(PurchaseOrderClosed.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(PurchaseOrderClosed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).put("reason", ClosureReason.COMPLETED.name());
            return payload;
        });
    }
}
