package org.integrationledger.app.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerApi.TextResponse;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The period-end accrual over real HTTP. The period is yesterday (UTC), so every fact these tests send is recorded
 * after its close, as a late message is; the close a controller reproduces is a recorded instant in between.
 */
class AccrualReportIntegrationTest extends LedgerIntegrationTest {

    private final LocalDate periodEnd = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private final Instant inPeriod = periodEnd.atTime(12, 0).toInstant(ZoneOffset.UTC);

    @Test
    void aReceiptRecordedAfterTheCloseIsAbsentAsKnownAtTheCloseAndPresentAndLabelledLateAsKnownLater() {
        String order = newPurchaseOrderId();
        post(order, "issue", withBusinessTime(issue("DE01", "EUR"), inPeriod));
        Instant close = recordedAt(order, 0);
        Map<String, Object> receipt = withBusinessTime(receipt("40", null), inPeriod.plusSeconds(3600));
        post(order, "goods-receipts", receipt);
        Instant receiptRecordedAt = recordedAt(order, 1);
        assertThat(receiptRecordedAt).isAfter(close);
        awaitCaughtUp("accrual-facts");

        JsonNode atClose = api.get(accruals("&knownAt=" + close), REPORTING_KEY).body();
        JsonNode later = api.get(accruals(""), REPORTING_KEY).body();

        assertThat(atClose.path("knownAt").asText()).isEqualTo(close.toString());
        assertThat(lineOf(atClose, order, 1).isMissingNode()).isTrue();
        JsonNode line = lineOf(later, order, 1);
        assertThat(line.path("side").asText()).isEqualTo("RECEIVED_NOT_INVOICED");
        assertThat(line.path("receivedQuantity").decimalValue()).isEqualByComparingTo("40");
        assertThat(line.path("openAmount").path("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(line.path("openAmount").path("currency").asText()).isEqualTo("EUR");
        JsonNode late = line.path("variances").get(0);
        assertThat(late.path("reason").asText()).isEqualTo("LATE_FACT");
        assertThat(Instant.parse(late.path("recordedAt").asText())).isEqualTo(receiptRecordedAt);
        assertThat(late.path("detail").asText()).contains("RECEIVED " + receipt.get("receiptNumber"));
        // Line 2 was not received: nothing is open on it.
        assertThat(lineOf(later, order, 2).isMissingNode()).isTrue();

        JsonNode variances = api.get("/api/v1/accruals/variances?periodEnd=" + periodEnd + "&legalEntity=DE01",
                REPORTING_KEY).body();
        assertThat(variances.path("totals")).anySatisfy(total -> {
            assertThat(total.path("reason").asText()).isEqualTo("LATE_FACT");
            assertThat(total.path("legalEntity").asText()).isEqualTo("DE01");
            assertThat(total.path("lines").asInt()).isPositive();
        });
    }

    /**
     * The reference scenario of one supplier: the expected report is worked out here from the quantities and prices
     * of the messages sent, not from anything the ledger answers.
     */
    @Test
    void theReportOfASupplierIsWhatItsMessagesAddUpTo() {
        String supplier = newSupplierId();
        BigDecimal bearing = new BigDecimal("12.50");
        BigDecimal housing = new BigDecimal("80.00");
        String fullyInvoiced = newPurchaseOrderId();
        post(fullyInvoiced, "issue", purchaseOrder(supplier, "DE01", "EUR"));
        post(fullyInvoiced, "goods-receipts", receipt("100", "10"));
        Response invoice = api.post(path(newInvoiceId(), "receipt"), PROCUREMENT_KEY,
                invoice(supplier, fullyInvoiced, newInvoiceNumber(), "EUR"));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(200);
        String bearingsOnly = newPurchaseOrderId();
        post(bearingsOnly, "issue", purchaseOrder(supplier, "DE01", "EUR"));
        post(bearingsOnly, "goods-receipts", receipt("60", null));
        String both = newPurchaseOrderId();
        post(both, "issue", purchaseOrder(supplier, "DE01", "EUR"));
        post(both, "goods-receipts", receipt("20", "10"));
        awaitCaughtUp("accrual-facts");

        JsonNode report = api.get("/api/v1/accruals?periodEnd=" + periodEnd + "&supplierId=" + supplier,
                REPORTING_KEY).body();

        BigDecimal expected = bearing.multiply(new BigDecimal("60"))
                .add(bearing.multiply(new BigDecimal("20"))).add(housing.multiply(new BigDecimal("10")));
        assertThat(report.path("groups")).singleElement().satisfies(group -> {
            assertThat(group.path("legalEntity").asText()).isEqualTo("DE01");
            assertThat(group.path("receivedNotInvoiced").path("amount").decimalValue()).isEqualByComparingTo(expected);
            assertThat(group.path("invoicedNotReceived").path("amount").decimalValue()).isEqualByComparingTo("0");
            assertThat(group.path("receivedNotInvoicedLines").asLong()).isEqualTo(3);
        });
        assertThat(report.path("lines")).hasSize(3);
        assertThat(lineOf(report, fullyInvoiced, 1).isMissingNode()).isTrue();
        assertThat(lineOf(report, bearingsOnly, 1).path("openAmount").path("amount").decimalValue())
                .isEqualByComparingTo(bearing.multiply(new BigDecimal("60")));
    }

    /**
     * The totals come from the running balances and the lines from their facts: walked page by page, the lines add
     * up to the totals, as known now and as known at an instant, and the export holds every one of them.
     */
    @Test
    void theLinesPageByCursorAndAddUpToTheTotalsAsKnownNowAndAsKnownAtAnInstant() {
        for (int i = 0; i < 3; i++) {
            String order = newPurchaseOrderId();
            post(order, "issue", withBusinessTime(issue("DE01", "EUR"), inPeriod));
            post(order, "goods-receipts", withBusinessTime(receipt("5", "2"), inPeriod.plusSeconds(60)));
        }
        awaitCaughtUp("accrual-facts");
        String now = Instant.now().toString();
        String report = "/api/v1/accruals?periodEnd=" + periodEnd + "&legalEntity=DE01&currency=EUR";

        for (String knownAt : List.of("", "&knownAt=" + now)) {
            int[] pages = {0};
            List<JsonNode> lines = everyLine(report + knownAt + "&size=2", pages);
            JsonNode group = api.get(report + knownAt, REPORTING_KEY).body().path("groups").get(0);

            assertThat(pages[0]).isGreaterThanOrEqualTo(3);
            assertThat(lines).extracting(line -> line.path("purchaseOrderId").asText() + "#"
                    + line.path("lineNumber").asInt()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(6);
            assertThat(group.path("receivedNotInvoicedLines").asLong() + group.path("invoicedNotReceivedLines")
                    .asLong()).isEqualTo(lines.size());
            assertThat(group.path("receivedNotInvoiced").path("amount").decimalValue())
                    .isEqualByComparingTo(openAmounts(lines, "RECEIVED_NOT_INVOICED"));
            assertThat(group.path("invoicedNotReceived").path("amount").decimalValue())
                    .isEqualByComparingTo(openAmounts(lines, "INVOICED_NOT_RECEIVED").negate());
            TextResponse csv = api.getText(report + knownAt + "&format=csv", REPORTING_KEY, "*/*");
            assertThat(csv.body().lines().count()).isEqualTo(lines.size() + 1L);
        }
        assertThat(api.get(report + "&size=0", REPORTING_KEY).code()).isEqualTo("validation-failed");
        assertThat(api.get(report + "&size=1001", REPORTING_KEY).code()).isEqualTo("validation-failed");
        assertThat(api.get(report + "&cursor=not-a-cursor", REPORTING_KEY).code()).isEqualTo("validation-failed");
    }

    private static BigDecimal openAmounts(List<JsonNode> lines, String side) {
        return lines.stream().filter(line -> line.path("side").asText().equals(side))
                .map(line -> line.path("openAmount").path("amount").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void exportsTheLinesAsCsvAndJsonLines() {
        String order = newPurchaseOrderId();
        post(order, "issue", withBusinessTime(issue("DE01", "EUR"), inPeriod));
        post(order, "goods-receipts", withBusinessTime(receipt(null, "3"), inPeriod));
        awaitCaughtUp("accrual-facts");

        TextResponse csv = api.getText(accruals(""), REPORTING_KEY, "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("legal_entity,currency,side,purchase_order_id,line_number,");
        assertThat(csv.body()).contains("DE01,EUR,RECEIVED_NOT_INVOICED," + order + ",2,SUP-4711,EA,10,3,0,0,0,"
                + "800.00,240.00,0.00,0.00,0.00,240.00,1,,PROCUREMENT,,");
        TextResponse jsonLines = api.getText(accruals("&format=jsonl"), REPORTING_KEY, "*/*");
        assertThat(jsonLines.contentType()).startsWith("application/x-ndjson");
        assertThat(jsonLines.body().lines()).anySatisfy(line -> assertThat(line)
                .contains("\"purchaseOrderId\":\"" + order + "\"").contains("\"lineNumber\":2")
                .contains("\"side\":\"RECEIVED_NOT_INVOICED\""));
    }

    @Test
    void refusesParametersItCannotReadWithStableCodes() {
        Response badDate = api.get("/api/v1/accruals?periodEnd=2026-02-30", REPORTING_KEY);
        Response badKnownAt = api.get("/api/v1/accruals?periodEnd=2026-12-31&knownAt=yesterday", REPORTING_KEY);
        Response badCurrency = api.get("/api/v1/accruals/variances?periodEnd=2026-12-31&currency=EURO",
                REPORTING_KEY);
        Response badFormat = api.get("/api/v1/accruals?periodEnd=2026-12-31&format=xml", REPORTING_KEY);

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        assertThat(badDate.code()).isEqualTo("invalid-time");
        assertThat(badKnownAt.code()).isEqualTo("invalid-time");
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.code()).isEqualTo("validation-failed");
        assertThat(badFormat.code()).isEqualTo("validation-failed");
    }

    private String accruals(String more) {
        return "/api/v1/accruals?periodEnd=" + periodEnd + "&legalEntity=DE01&currency=EUR&supplierId=SUP-4711" + more;
    }

    private static Map<String, Object> withBusinessTime(Map<String, Object> body, Instant occurredAt) {
        body.put("occurredAt", occurredAt.toString());
        return body;
    }

    private void post(String order, String action, Map<String, Object> body) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, PROCUREMENT_KEY, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private Instant recordedAt(String order, int sequence) {
        JsonNode events = api.get("/api/v1/audit/documents/" + order + "/history", AUDITOR_KEY).body().path("events");
        return Instant.parse(events.get(sequence).path("recordedAt").asText());
    }

    private static JsonNode lineOf(JsonNode report, String order, int lineNumber) {
        for (JsonNode line : report.path("lines")) {
            if (line.path("purchaseOrderId").asText().equals(order) && line.path("lineNumber").asInt() == lineNumber) {
                return line;
            }
        }
        return MissingNode.getInstance();
    }

    /** Every line of a report, page after page by its nextCursor; counts the pages. */
    private List<JsonNode> everyLine(String report, int[] pages) {
        List<JsonNode> lines = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get(report + (cursor == null ? "" : "&cursor=" + cursor), REPORTING_KEY);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().path("lines").forEach(lines::add);
            pages[0]++;
            cursor = page.body().path("nextCursor").asText(null);
        } while (cursor != null);
        return lines;
    }
}
