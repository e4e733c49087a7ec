package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchBasis;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule: each invoice line is checked against its purchase-order line. The unit price must be within the price
 * tolerance of the ordered price (either way). The quantity may not exceed, beyond the quantity tolerance, what
 * was received up to what was ordered (three-way: an over-delivery is not billable without an amendment) or, for lines that need no receipt such as services, what was ordered (two-way), less
 * what other invoices (and earlier lines of this one) already billed on that order line, so goods are paid for
 * once; invoicing less is a partial invoice, not a variance.
 */
final class ThreeWayMatch {

    private ThreeWayMatch() {
    }

    static List<LineMatch> match(List<InvoiceLine> invoiced, PurchaseOrderFacts.Order order,
                                 Map<Integer, BigDecimal> billedElsewhere, InvoiceProperties.Tolerances tolerances) {
        Map<Integer, BigDecimal> billed = new HashMap<>(billedElsewhere);
        List<LineMatch> matches = new ArrayList<>();
        for (InvoiceLine line : invoiced) {
            BigDecimal before = billed.getOrDefault(line.purchaseOrderLine(), BigDecimal.ZERO);
            matches.add(match(line, order, before, tolerances));
            PurchaseOrderFacts.Line ordered = order.lines().get(line.purchaseOrderLine());
            if (ordered != null && ordered.ordered().unitOfMeasure().equals(line.quantity().unitOfMeasure())) {
                billed.put(line.purchaseOrderLine(), before.add(line.quantity().value()));
            }
        }
        return matches;
    }

    private static LineMatch match(InvoiceLine line, PurchaseOrderFacts.Order order, BigDecimal alreadyBilled,
                                   InvoiceProperties.Tolerances tolerances) {
        PurchaseOrderFacts.Line ordered = order.lines().get(line.purchaseOrderLine());
        if (ordered == null) {
            return new LineMatch(line.lineNumber(), line.purchaseOrderLine(), MatchBasis.THREE_WAY, line.quantity(),
                    null, null, line.unitPrice(), null, null, null,
                    List.of("purchase order " + order.purchaseOrderId() + " has no line " + line.purchaseOrderLine()));
        }
        List<String> problems = new ArrayList<>();
        MatchBasis basis = ordered.goodsReceiptRequired() ? MatchBasis.THREE_WAY : MatchBasis.TWO_WAY;
        // Goods delivered beyond the order are on the record but not ordered: matching covers at most the order.
        boolean overDelivered = basis == MatchBasis.THREE_WAY && ordered.received().exceeds(ordered.ordered());
        Quantity basisQuantity = basis == MatchBasis.THREE_WAY && !overDelivered ? ordered.received()
                : ordered.ordered();
        Quantity expected = new Quantity(basisQuantity.value().subtract(alreadyBilled).max(BigDecimal.ZERO),
                basisQuantity.unitOfMeasure());
        BigDecimal quantityVariance = null;
        if (!expected.unitOfMeasure().equals(line.quantity().unitOfMeasure())) {
            problems.add("invoiced in " + line.quantity().unitOfMeasure() + ", ordered in "
                    + expected.unitOfMeasure());
        } else {
            quantityVariance = line.quantity().value().subtract(expected.value());
            BigDecimal allowed = MatchingTolerances.allowedDeviation(tolerances.quantity(), expected.value());
            if (quantityVariance.compareTo(allowed) > 0) {
                problems.add("invoiced " + line.quantity().value().toPlainString() + " " + expected.unitOfMeasure()
                        + ", " + (basis == MatchBasis.THREE_WAY ? "received " + ordered.received().value()
                        .toPlainString() + (overDelivered ? " (ordered "
                        + basisQuantity.value().toPlainString() + ")" : "") : "ordered "
                        + basisQuantity.value().toPlainString())
                        + (alreadyBilled.signum() > 0 ? " of which " + alreadyBilled.stripTrailingZeros()
                        .toPlainString() + " already invoiced" : "")
                        + " (allowed over: " + allowed.stripTrailingZeros().toPlainString() + ")");
            }
        }
        BigDecimal orderedPrice = ordered.unitPrice().amount();
        BigDecimal priceVariance = line.unitPrice().amount().subtract(orderedPrice);
        BigDecimal percent = orderedPrice.signum() == 0 ? null
                : priceVariance.multiply(BigDecimal.valueOf(100)).divide(orderedPrice, 4, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        BigDecimal allowedPrice = MatchingTolerances.allowedDeviation(tolerances.price(), orderedPrice);
        if (priceVariance.abs().compareTo(allowedPrice) > 0) {
            problems.add("unit price " + line.unitPrice().amount().toPlainString() + ", ordered at "
                    + orderedPrice.toPlainString() + " (" + (percent == null ? "n/a" : percent.toPlainString() + " %")
                    + ", allowed ±" + allowedPrice.stripTrailingZeros().toPlainString() + ")");
        }
        return new LineMatch(line.lineNumber(), line.purchaseOrderLine(), basis, line.quantity(), expected,
                quantityVariance == null ? null : normalized(quantityVariance), line.unitPrice(), ordered.unitPrice(),
                normalized(priceVariance), percent, problems);
    }

    static boolean allMatched(List<LineMatch> lines) {
        return lines.stream().allMatch(LineMatch::matched);
    }

    /**
     * The amount invoiced beyond what the order and receipts cover on lines that did not match (never negative):
     * what an approver would accept by overriding.
     */
    static Money varianceAmount(List<LineMatch> lines, CurrencyCode currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (LineMatch line : lines) {
            if (line.matched()) {
                continue;
            }
            BigDecimal invoiced = line.invoicedUnitPrice().amount().multiply(line.invoicedQuantity().value());
            BigDecimal covered = line.orderedUnitPrice() == null || line.expectedQuantity() == null
                    || !line.expectedQuantity().unitOfMeasure().equals(line.invoicedQuantity().unitOfMeasure())
                    ? BigDecimal.ZERO
                    : line.orderedUnitPrice().amount().multiply(line.expectedQuantity().value());
            total = total.add(invoiced.subtract(covered).max(BigDecimal.ZERO));
        }
        return new Money(total.setScale(currency.minorUnits(), RoundingMode.HALF_EVEN), currency);
    }

    private static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
