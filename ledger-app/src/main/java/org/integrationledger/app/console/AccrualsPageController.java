package org.integrationledger.app.console;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.accrual.AccrualLine;
import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.FindAccrualVariances;
import org.integrationledger.model.accrual.FindAccruals;
import org.integrationledger.model.accrual.LineVariance;
import org.integrationledger.model.accrual.VarianceReport;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.integrationledger.app.console.SlaBoardController.blankToNull;

/**
 * Period-end accruals (question 9): per legal entity and currency, what was received but not invoiced and invoiced
 * but not received at a period end, as the ledger knew it at a recorded time, with the variance reasons and the open
 * lines behind them: {@code GET /api/v1/accruals} and {@code /variances} as a page, through the same queries.
 */
@Controller
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
class AccrualsPageController {

    /** Lines on one page; the totals above them are always over every open line. */
    static final int PAGE_SIZE = 50;
    private static final int EXPORT_PAGE = 1000;

    private final QueryGateway queries;
    private final Clock clock;

    AccrualsPageController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/console/accruals")
    String accruals(@RequestParam(required = false) String periodEnd, @RequestParam(required = false) String knownAt,
                    @RequestParam(required = false) String legalEntity,
                    @RequestParam(required = false) String currency,
                    @RequestParam(required = false) String supplierId,
                    @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) String format, Model model,
                    HttpServletResponse response) throws IOException {
        Filters filters = Filters.of(periodEnd, knownAt, legalEntity, currency, supplierId, clock);
        if (CsvExport.requested(format)) {
            export(filters, response);
            return null;
        }
        AccrualReport report = queries.query(filters.report(blankToNull(cursor), PAGE_SIZE),
                ResponseTypes.instanceOf(AccrualReport.class)).join();
        // The reasons' totals only: their lines are among the report's, each labelled with its reasons.
        VarianceReport variances = queries.query(new FindAccrualVariances(filters.periodEnd(), filters.knownAt(),
                        filters.legalEntity(), filters.currency(), filters.supplier(), null, 1),
                ResponseTypes.instanceOf(VarianceReport.class)).join();
        model.addAttribute("report", report);
        model.addAttribute("variances", variances);
        model.addAttribute("params", filters.params());
        model.addAttribute("firstPage", blankToNull(cursor) == null);
        return "console/accruals";
    }

    /** Every open line, page after page, written as it comes: a legal entity can have hundreds of thousands. */
    private void export(Filters filters, HttpServletResponse response) throws IOException {
        response.setContentType(CsvExport.CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"accruals-" + filters.periodEnd() + ".csv\"");
        Writer out = response.getWriter();
        out.write(CsvExport.line(List.of("legal_entity", "currency", "side", "purchase_order_id", "line_number",
                "supplier_id", "unit_of_measure", "received_quantity", "invoiced_quantity", "received_amount",
                "invoiced_amount", "open_amount", "order_version", "erp_version", "last_business_time",
                "last_recorded_at", "variance_reasons")));
        String cursor = null;
        do {
            AccrualReport page = queries.query(filters.report(cursor, EXPORT_PAGE),
                    ResponseTypes.instanceOf(AccrualReport.class)).join();
            for (AccrualLine line : page.lines()) {
                out.write(CsvExport.line(csvRow(line)));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        out.flush();
    }

    private static List<String> csvRow(AccrualLine l) {
        return List.of(l.legalEntity().value(), l.currency().value(), l.side().name(), l.purchaseOrderId().value(),
                String.valueOf(l.lineNumber()), l.supplier().value(), l.unitOfMeasure(),
                l.receivedQuantity().toPlainString(), l.invoicedQuantity().toPlainString(),
                l.receivedAmount().amount().toPlainString(), l.invoicedAmount().amount().toPlainString(),
                l.openAmount().amount().toPlainString(), String.valueOf(l.orderVersion()),
                Formats.text(l.erpVersion()), Formats.text(l.lastBusinessTime()), Formats.text(l.lastRecordedAt()),
                l.variances().stream().map(LineVariance::reason).map(Enum::name).collect(Collectors.joining(" ")));
    }

    /** The form's values, read as the API reads its parameters; without a period end, today (UTC). */
    record Filters(LocalDate periodEnd, Instant knownAt, LegalEntityId legalEntity, CurrencyCode currency,
                   SupplierId supplier) {

        static Filters of(String periodEnd, String knownAt, String legalEntity, String currency, String supplierId,
                          Clock clock) {
            return new Filters(
                    blankToNull(periodEnd) == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC))
                            : LocalDate.parse(periodEnd.trim()),
                    blankToNull(knownAt) == null ? null : Instant.parse(knownAt.trim()),
                    blankToNull(legalEntity) == null ? null
                            : LegalEntityId.of(legalEntity.trim().toUpperCase(Locale.ROOT)),
                    blankToNull(currency) == null ? null : CurrencyCode.of(currency.trim().toUpperCase(Locale.ROOT)),
                    blankToNull(supplierId) == null ? null : SupplierId.of(supplierId.trim()));
        }

        FindAccruals report(String cursor, int size) {
            return new FindAccruals(periodEnd, knownAt, legalEntity, currency, supplier, cursor, size);
        }

        Params params() {
            return new Params(periodEnd.toString(), knownAt == null ? "" : knownAt.toString(),
                    legalEntity == null ? "" : legalEntity.value(), currency == null ? "" : currency.value(),
                    supplier == null ? "" : supplier.value());
        }
    }

    /** The filters as the page's form, pager and links write them back. */
    record Params(String periodEnd, String knownAt, String legalEntity, String currency, String supplierId) {
    }
}
