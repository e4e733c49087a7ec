package org.integrationledger.query.invoice;

import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchBasis;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-line match results as one text column: control characters separate lines, fields and problems (they
 * never occur in the values), decimals are written without trailing zeros, so equal results give equal text
 * and the view's checksum does not depend on how a value was written.
 */
final class LineMatchText {

    private static final String LINES = "\u001E";
    private static final String FIELDS = "\u001F";
    private static final String PROBLEMS = "\u001D";
    private static final String NULL = "-";

    private LineMatchText() {
    }

    static String encode(List<LineMatch> lines) {
        List<String> encoded = new ArrayList<>();
        for (LineMatch line : lines) {
            encoded.add(String.join(FIELDS, String.valueOf(line.lineNumber()), String.valueOf(line.purchaseOrderLine()),
                    line.basis().name(), decimal(line.invoicedQuantity().value()), line.invoicedQuantity().unitOfMeasure(),
                    line.expectedQuantity() == null ? NULL : decimal(line.expectedQuantity().value()),
                    decimal(line.quantityVariance()), line.invoicedUnitPrice().currency().value(),
                    decimal(line.invoicedUnitPrice().amount()),
                    line.orderedUnitPrice() == null ? NULL : decimal(line.orderedUnitPrice().amount()),
                    decimal(line.priceVariance()), decimal(line.priceVariancePercent()),
                    String.join(PROBLEMS, line.problems())));
        }
        return String.join(LINES, encoded);
    }

    static List<LineMatch> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<LineMatch> lines = new ArrayList<>();
        for (String encoded : text.split(LINES)) {
            String[] field = encoded.split(FIELDS, -1);
            String unit = field[4];
            CurrencyCode currency = CurrencyCode.of(field[7]);
            lines.add(new LineMatch(Integer.parseInt(field[0]), Integer.parseInt(field[1]), MatchBasis.valueOf(field[2]),
                    new Quantity(new BigDecimal(field[3]), unit),
                    NULL.equals(field[5]) ? null : new Quantity(new BigDecimal(field[5]), unit),
                    number(field[6]), new UnitPrice(new BigDecimal(field[8]), currency),
                    NULL.equals(field[9]) ? null : new UnitPrice(new BigDecimal(field[9]), currency),
                    number(field[10]), number(field[11]),
                    field[12].isEmpty() ? List.of() : Arrays.asList(field[12].split(PROBLEMS))));
        }
        return lines;
    }

    private static String decimal(BigDecimal value) {
        return value == null ? NULL : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal number(String text) {
        return NULL.equals(text) ? null : new BigDecimal(text);
    }
}
