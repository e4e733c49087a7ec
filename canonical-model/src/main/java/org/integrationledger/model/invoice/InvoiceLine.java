package org.integrationledger.model.invoice;

import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.Money;

/** One invoiced line: the purchase-order line it bills, quantity, unit price and the supplier's tax code. */
public record InvoiceLine(int lineNumber, int purchaseOrderLine, Quantity quantity, UnitPrice unitPrice,
                          String taxCode) {

    public InvoiceLine {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("line number must be >= 1");
        }
        if (purchaseOrderLine < 1) {
            throw new IllegalArgumentException("purchase order line must be >= 1");
        }
        Checks.required(quantity, "quantity");
        Checks.required(unitPrice, "unit price");
        Checks.text(taxCode, "tax code", 16);
    }

    public Money amount() {
        return unitPrice.times(quantity);
    }
}
