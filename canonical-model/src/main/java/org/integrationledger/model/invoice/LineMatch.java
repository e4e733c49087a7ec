package org.integrationledger.model.invoice;

import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;

import java.math.BigDecimal;
import java.util.List;

/**
 * The match of one invoice line: the quantity it was checked against (received for three-way, ordered for
 * two-way), the ordered unit price, the variances (invoice minus expected) and the problems found; no
 * problems means the line matched. Expected values are null when the order has no such line.
 */
public record LineMatch(int lineNumber, int purchaseOrderLine, MatchBasis basis,
                        Quantity invoicedQuantity, Quantity expectedQuantity, BigDecimal quantityVariance,
                        UnitPrice invoicedUnitPrice, UnitPrice orderedUnitPrice, BigDecimal priceVariance,
                        BigDecimal priceVariancePercent, List<String> problems) {

    public LineMatch {
        problems = List.copyOf(problems);
    }

    public boolean matched() {
        return problems.isEmpty();
    }
}
