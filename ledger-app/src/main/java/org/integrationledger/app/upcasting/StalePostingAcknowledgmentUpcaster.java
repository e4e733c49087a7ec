package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.springframework.stereotype.Component;

/**
 * {@code StalePostingAcknowledgmentRecorded} revision 1 → 2: renames {@code acknowledgedVersion} to {@code version}
 * (the name every acknowledgment gives it, which SLA rules read) and adds {@code currentVersion}, {@code postedTotal} and
 * {@code erpStatus} as null. Revision 1 was recorded only when the ERP had already acknowledged a newer version and
 * kept neither the order's version at the time nor what the ERP said it held, so nothing truer can be filled in.
 */
@Component
class StalePostingAcknowledgmentUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(StalePostingAcknowledgmentRecorded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(StalePostingAcknowledgmentRecorded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.set("version", event.remove("acknowledgedVersion"));
            event.putNull("currentVersion").putNull("postedTotal").putNull("erpStatus");
            return payload;
        });
    }
}
