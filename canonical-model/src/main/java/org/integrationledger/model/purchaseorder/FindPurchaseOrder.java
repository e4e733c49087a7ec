package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.Checks;

/** Finds the current view of one purchase order; answers an empty result when the ledger does not know it. */
public record FindPurchaseOrder(PurchaseOrderId purchaseOrderId) {

    public FindPurchaseOrder {
        Checks.required(purchaseOrderId, "purchaseOrderId");
    }
}
