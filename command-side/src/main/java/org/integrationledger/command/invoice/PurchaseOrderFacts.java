package org.integrationledger.command.invoice;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;

import java.util.Map;
import java.util.Optional;

/**
 * What the invoice side knows of purchase orders: the command side's own lookup, fed by purchase-order events
 * (never the query side), with the ordered lines and the goods received so far.
 */
public interface PurchaseOrderFacts {

    Optional<Order> find(PurchaseOrderId purchaseOrderId);

    /** An order as matching sees it. */
    record Order(PurchaseOrderId purchaseOrderId, SupplierId supplier, LegalEntityId legalEntity, CurrencyCode currency,
                 Map<Integer, Line> lines) {

        public Order {
            lines = Map.copyOf(lines);
        }
    }

    /** One ordered line with the quantity received on it so far (zero before any receipt). */
    record Line(int lineNumber, Quantity ordered, UnitPrice unitPrice, boolean goodsReceiptRequired,
                Quantity received) {
    }
}
