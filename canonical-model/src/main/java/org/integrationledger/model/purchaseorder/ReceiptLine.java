package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.Checks;

/** Quantity received against one purchase-order line in one goods receipt. */
public record ReceiptLine(int lineNumber, Quantity quantity) {

    public ReceiptLine {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("line number must be >= 1");
        }
        Checks.required(quantity, "quantity");
    }
}
