package org.integrationledger.query.accrual;

import org.integrationledger.model.accrual.AccrualLine;
import org.integrationledger.model.accrual.LineVariance;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV (RFC 4180) of accrual lines for working papers: one row per open line, its reasons in one cell. */
final class AccrualCsv {

    static final String HEADER = "legal_entity,currency,side,purchase_order_id,line_number,supplier_id,"
            + "unit_of_measure,ordered_quantity,received_quantity,invoiced_quantity,matched_quantity,paid_quantity,"
            + "ordered_amount,received_amount,invoiced_amount,matched_amount,paid_amount,open_amount,order_version,"
            + "erp_version,received_from,invoiced_from,last_business_time,last_recorded_at,variance_reasons\r\n";

    private AccrualCsv() {
    }

    static String row(AccrualLine l) {
        return Stream.of(l.legalEntity(), l.currency(), l.side(), l.purchaseOrderId(), l.lineNumber(), l.supplier(),
                        l.unitOfMeasure(), plain(l.orderedQuantity()), plain(l.receivedQuantity()),
                        plain(l.invoicedQuantity()), plain(l.matchedQuantity()), plain(l.paidQuantity()),
                        l.orderedAmount().amount().toPlainString(), l.receivedAmount().amount().toPlainString(),
                        l.invoicedAmount().amount().toPlainString(), l.matchedAmount().amount().toPlainString(),
                        l.paidAmount().amount().toPlainString(), l.openAmount().amount().toPlainString(),
                        l.orderVersion(), l.erpVersion(),
                        l.receivedFrom().stream().map(Object::toString).collect(Collectors.joining(" ")),
                        l.invoicedFrom().stream().map(Object::toString).collect(Collectors.joining(" ")),
                        l.lastBusinessTime(), l.lastRecordedAt(),
                        l.variances().stream().map(LineVariance::reason).map(Enum::name)
                                .collect(Collectors.joining(" ")))
                .map(AccrualCsv::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String plain(java.math.BigDecimal value) {
        return value.toPlainString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ is neutralised against formula injection, except in a number (a negative amount).
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
