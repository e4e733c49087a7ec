package org.integrationledger.command.purchaseorder;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptExcess;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.shared.ErrorCode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule: a goods receipt is the receiving system's fact and is recorded as reported, in the ordered line's unit.
 * Goods beyond the order (more than a line holds, or a line the order does not have) and an amendment below what
 * has already arrived are recorded too, with every line then received beyond the order named on the event, so
 * the reconciliation view can flag it until an amendment covers the goods again. Only a receipt in another unit
 * than its line is refused: its quantity cannot be compared with the order at all.
 */
final class ReceiptPolicy {

    private ReceiptPolicy() {
    }

    /** Returns the cumulative received quantities after this receipt, or throws when a unit differs. */
    static Map<Integer, Quantity> receive(Map<Integer, PurchaseOrderLine> ordered, Map<Integer, Quantity> receivedSoFar,
                                          List<ReceiptLine> receipt) {
        Map<Integer, Quantity> after = new HashMap<>(receivedSoFar);
        for (ReceiptLine line : receipt) {
            PurchaseOrderLine orderLine = ordered.get(line.lineNumber());
            Quantity before = after.get(line.lineNumber());
            String unit = orderLine != null ? orderLine.quantity().unitOfMeasure()
                    : before != null ? before.unitOfMeasure() : line.quantity().unitOfMeasure();
            if (!unit.equals(line.quantity().unitOfMeasure())) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "line " + line.lineNumber() + " is "
                        + (orderLine != null ? "ordered" : "received") + " in " + unit + ", received in "
                        + line.quantity().unitOfMeasure());
            }
            after.put(line.lineNumber(), before == null ? line.quantity() : before.plus(line.quantity()));
        }
        return after;
    }

    /** Every line on which more has been received than the order holds, by line number. */
    static List<ReceiptExcess> beyondOrder(Map<Integer, PurchaseOrderLine> ordered, Map<Integer, Quantity> received) {
        return received.entrySet().stream()
                .filter(entry -> entry.getValue().value().signum() > 0)
                .filter(entry -> {
                    PurchaseOrderLine line = ordered.get(entry.getKey());
                    return line == null || entry.getValue().exceeds(line.quantity());
                })
                .map(entry -> {
                    PurchaseOrderLine line = ordered.get(entry.getKey());
                    return new ReceiptExcess(entry.getKey(), line == null ? null : line.quantity(), entry.getValue());
                })
                .sorted(Comparator.comparingInt(ReceiptExcess::lineNumber))
                .toList();
    }

    static boolean fullyReceived(Map<Integer, PurchaseOrderLine> ordered, Map<Integer, Quantity> received) {
        return ordered.values().stream()
                .filter(PurchaseOrderLine::goodsReceiptRequired)
                .allMatch(line -> {
                    Quantity got = received.get(line.lineNumber());
                    return got != null && got.value().compareTo(line.quantity().value()) >= 0;
                });
    }

    /** An amendment may not change the unit of a line that has receipts: they could no longer be compared. */
    static void checkAmendment(List<PurchaseOrderLine> newLines, Map<Integer, Quantity> received) {
        for (PurchaseOrderLine line : newLines) {
            Quantity got = received.get(line.lineNumber());
            if (got != null && got.value().signum() > 0
                    && !line.quantity().unitOfMeasure().equals(got.unitOfMeasure())) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "line " + line.lineNumber() + " has receipts in "
                        + got.unitOfMeasure() + "; an amendment cannot change its unit to "
                        + line.quantity().unitOfMeasure());
            }
        }
    }
}
