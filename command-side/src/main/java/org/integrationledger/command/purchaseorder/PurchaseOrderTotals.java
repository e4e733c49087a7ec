package org.integrationledger.command.purchaseorder;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;

import java.util.List;

/**
 * Rule: an order's stated total equals the sum of its line amounts (quantity x unit price, rounded per line),
 * all in the order's currency (unique line numbers are a shape check of the command). A connector that sends a total its lines do not
 * add up to has mapped something wrong, and the ledger says so instead of recording it.
 */
final class PurchaseOrderTotals {

    private PurchaseOrderTotals() {
    }

    static void check(List<PurchaseOrderLine> lines, Money statedTotal) {
        Money sum = Money.zero(statedTotal.currency());
        for (PurchaseOrderLine line : lines) {
            if (!line.unitPrice().currency().equals(statedTotal.currency())) {
                throw new RuleViolation(ErrorCode.CURRENCY_MISMATCH, "line " + line.lineNumber() + " is priced in "
                        + line.unitPrice().currency() + " but the order total is in " + statedTotal.currency());
            }
            sum = sum.plus(line.amount());
        }
        if (sum.amount().compareTo(statedTotal.amount()) != 0) {
            throw new RuleViolation(ErrorCode.TOTAL_MISMATCH,
                    "stated total " + statedTotal + " differs from the sum of the lines " + sum);
        }
    }
}
