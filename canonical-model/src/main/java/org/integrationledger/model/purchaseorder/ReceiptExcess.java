package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.Checks;

/**
 * A line on which more was received than the order holds: {@code ordered} is null when the order has no such line
 * (goods delivered that were never ordered), {@code received} is everything received on it so far.
 */
public record ReceiptExcess(int lineNumber, Quantity ordered, Quantity received) {

    public ReceiptExcess {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("line number must be >= 1");
        }
        Checks.required(received, "received quantity");
    }

    /** True when the order has no such line at all. */
    public boolean notOrdered() {
        return ordered == null;
    }

    /** One line of text for a reviewer, e.g. {@code line 2: received 12 EA, ordered 10}. */
    public String describe() {
        return "line " + lineNumber + ": received " + received.value().toPlainString() + " "
                + received.unitOfMeasure() + (notOrdered() ? ", not on the order"
                : ", ordered " + ordered.value().toPlainString());
    }
}
