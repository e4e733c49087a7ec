package org.integrationledger.command.purchaseorder;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.shared.ErrorCode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule: goods are received only against lines of the order, in the line's unit, and never more in total
 * than was ordered (over-receipt is rejected; the receiving system must correct it or the order be amended).
 */
final class ReceiptPolicy {

    private ReceiptPolicy() {
    }

    /** Returns the cumulative received quantities after this receipt, or throws when the rule is broken. */
    static Map<Integer, Quantity> receive(Map<Integer, PurchaseOrderLine> ordered, Map<Integer, Quantity> receivedSoFar,
                                          List<ReceiptLine> receipt) {
        Map<Integer, Quantity> after = new HashMap<>(receivedSoFar);
        for (ReceiptLine line : receipt) {
            PurchaseOrderLine orderLine = ordered.get(line.lineNumber());
            if (orderLine == null) {
                throw new RuleViolation(ErrorCode.UNKNOWN_LINE, "the order has no line " + line.lineNumber());
            }
            Quantity orderedQuantity = orderLine.quantity();
            if (!orderedQuantity.unitOfMeasure().equals(line.quantity().unitOfMeasure())) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "line " + line.lineNumber() + " is ordered in "
                        + orderedQuantity.unitOfMeasure() + ", received in " + line.quantity().unitOfMeasure());
            }
            Quantity total = after.getOrDefault(line.lineNumber(), new Quantity(BigDecimal.ZERO,
                    orderedQuantity.unitOfMeasure())).plus(line.quantity());
            if (total.exceeds(orderedQuantity)) {
                throw new RuleViolation(ErrorCode.OVER_RECEIPT, "line " + line.lineNumber() + ": received "
                        + total.value().toPlainString() + " " + total.unitOfMeasure() + " in total, ordered "
                        + orderedQuantity.value().toPlainString());
            }
            after.put(line.lineNumber(), total);
        }
        return after;
    }

    static boolean fullyReceived(Map<Integer, PurchaseOrderLine> ordered, Map<Integer, Quantity> received) {
        return ordered.values().stream()
                .filter(PurchaseOrderLine::goodsReceiptRequired)
                .allMatch(line -> {
                    Quantity got = received.get(line.lineNumber());
                    return got != null && got.value().compareTo(line.quantity().value()) >= 0;
                });
    }

    /** An amendment may not order less on a line than has already been received on it. */
    static void checkAmendment(List<PurchaseOrderLine> newLines, Map<Integer, Quantity> received) {
        Map<Integer, PurchaseOrderLine> byNumber = new HashMap<>();
        newLines.forEach(line -> byNumber.put(line.lineNumber(), line));
        received.forEach((lineNumber, quantity) -> {
            PurchaseOrderLine line = byNumber.get(lineNumber);
            if (line != null && !line.quantity().unitOfMeasure().equals(quantity.unitOfMeasure())) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "line " + lineNumber + " has receipts in "
                        + quantity.unitOfMeasure() + "; an amendment cannot change its unit to "
                        + line.quantity().unitOfMeasure());
            }
            if (quantity.value().signum() > 0 && (line == null || quantity.exceeds(line.quantity()))) {
                throw new RuleViolation(ErrorCode.AMENDMENT_BELOW_RECEIVED, "line " + lineNumber + " already has "
                        + quantity.value().toPlainString() + " " + quantity.unitOfMeasure() + " received");
            }
        });
    }
}
