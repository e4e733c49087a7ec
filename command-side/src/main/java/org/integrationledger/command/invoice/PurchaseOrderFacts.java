package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What the invoice side knows of purchase orders: the command side's own lookup, fed by purchase-order and
 * invoice events (never the query side), with the ordered lines, the goods received and the quantities billed.
 */
public interface PurchaseOrderFacts {

    Optional<Order> find(PurchaseOrderId purchaseOrderId);

    /**
     * Quantities per order line that invoices other than {@code excluding} billed, in the line's unit of
     * measure, so the same received goods are not matched twice.
     */
    Map<Integer, BigDecimal> billedElsewhere(PurchaseOrderId purchaseOrderId, InvoiceId excluding);

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
