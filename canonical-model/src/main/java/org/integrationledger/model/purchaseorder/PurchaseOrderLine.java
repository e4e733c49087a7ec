package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.Money;

/**
 * One ordered line. {@code goodsReceiptRequired} is false for services, which are matched two-way
 * (invoice against order) instead of three-way.
 */
public record PurchaseOrderLine(int lineNumber, String description, Quantity quantity, UnitPrice unitPrice,
                                boolean goodsReceiptRequired) {

    public PurchaseOrderLine {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("line number must be >= 1");
        }
        Checks.text(description, "description", 240);
        Checks.required(quantity, "quantity");
        Checks.required(unitPrice, "unit price");
    }

    public Money amount() {
        return unitPrice.times(quantity);
    }
}
