package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.springframework.stereotype.Component;

/**
 * {@code GoodsReceived} and {@code PurchaseOrderAmended} revision 1 → 2: adds {@code receivedBeyondOrder} as an
 * empty list. At revision 1 the ledger refused a receipt beyond the order and an amendment below what had arrived,
 * so no recorded revision-1 event left goods received beyond its order: empty is the truth, not a guess.
 */
@Component
class ReceivedBeyondOrderUpcaster extends PayloadRevisionUpcaster {

    ReceivedBeyondOrderUpcaster() {
        super("1", "2", GoodsReceived.class, PurchaseOrderAmended.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.putArray("receivedBeyondOrder");
    }
}
