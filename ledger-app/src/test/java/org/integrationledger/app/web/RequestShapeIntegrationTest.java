package org.integrationledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integrationledger.app.support.InvoiceRequests;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.SupplierRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * What a connector sends is read as the contract defines it or refused (docs/canonical-model.md, "Limits and
 * refusals"): unknown fields, duplicate keys, numbers in exponent notation or beyond the tables' digits, integers
 * written as decimals, times as epoch numbers or outside the business window, duplicate line numbers, negative tax
 * and oversized texts each answer a problem with a stable code and the field's JSON pointer, and write nothing.
 */
class RequestShapeIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    private ObjectMapper axonMapper;
    @Autowired
    private JsonMapper springMapper;

    @Test
    void refusesAFieldTheContractDoesNotDefineNamingItsPointer() {
        Map<String, Object> nested = issue("US01", "USD");
        List<Map<String, Object>> lines = lines(nested);
        lines.get(0).put("discountCode", "BLACKFRIDAY");
        Response refused = refusedOrder(nested, 400, "unknown-field", "/lines/0/discountCode");
        assertThat(refused.body().path("detail").asText()).contains("/lines/0/discountCode");

        Map<String, Object> topLevel = issue("US01", "USD");
        topLevel.put("discountCode", "BLACKFRIDAY");
        refusedOrder(topLevel, 400, "unknown-field", "/discountCode");
    }

    @Test
    void refusesAKeyGivenTwice() {
        String body = api.json(issue("US01", "USD")).replaceFirst("\"currency\":\"USD\"",
                "\"currency\":\"USD\",\"currency\":\"EUR\"");
        refusedOrder(body, 400, "duplicate-field", "/currency");
    }

    @Test
    void refusesAHugeExponentAtOnceWithASmallProblem() {
        refusedOrder(withLineValue("quantity", "1e3"), 422, "invalid-number", "/lines/0/quantity");

        long started = System.nanoTime();
        refusedOrder(withLineValue("quantity", "1e1000000"), 422, "invalid-number", "/lines/0/quantity");
        String asJsonNumber = api.json(issue("US01", "USD")).replace("\"totalAmount\":\"2050.00\"",
                "\"totalAmount\":1e1000000");
        Response number = refusedOrder(asJsonNumber, 422, "invalid-number", "/totalAmount");
        Response text = refusedOrder(withValue("totalAmount", "1e1000000"), 422, "invalid-number", "/totalAmount");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("three refusals of 1e1000000")
                .isLessThan(Duration.ofSeconds(1));

        Response longDigits = refusedOrder(withValue("totalAmount", "1".repeat(100_000)), 422,
                "number-out-of-range", "/totalAmount");
        for (Response response : List.of(number, text, longDigits)) {
            assertThat(response.body().toString()).as("the problem echoes no unbounded input").hasSizeLessThan(1000);
        }
    }

    @Test
    void refusesQuantitiesBeyondWhatEveryTableHolds() {
        Map<String, Object> exponent = issue("US01", "USD");
        lines(exponent).get(0).put("quantity", "1e20");
        lines(exponent).get(0).put("unitPrice", "0");
        exponent.put("totalAmount", "800.00");
        refusedOrder(exponent, 422, "invalid-number", "/lines/0/quantity");

        Map<String, Object> plain = issue("US01", "USD");
        lines(plain).get(0).put("quantity", "100000000000000000000");
        lines(plain).get(0).put("unitPrice", "0");
        plain.put("totalAmount", "800.00");
        refusedOrder(plain, 422, "number-out-of-range", "/lines/0/quantity");

        refusedOrder(withLineValue("quantity", "100.0001"), 422, "number-out-of-range", "/lines/0/quantity");
        refusedOrder(withLineValue("unitPrice", "-1.00"), 422, "number-out-of-range", "/lines/0/unitPrice");
    }

    @Test
    void refusesPaddedAmountsAsStringsOrNumbers() {
        refusedOrder(withValue("totalAmount", " 2050.00"), 422, "invalid-number", "/totalAmount");
        refusedOrder(withValue("totalAmount", "2050.00 "), 422, "invalid-number", "/totalAmount");
        refusedOrder(withLineValue("unitPrice", "+12.50"), 422, "invalid-number", "/lines/0/unitPrice");
    }

    @Test
    void acceptsAmountsAsJsonNumbersUnderTheSameRules() {
        String body = api.json(issue("US01", "USD")).replace("\"totalAmount\":\"2050.00\"",
                "\"totalAmount\":2050.00");
        Response accepted = api.post("/api/v1/purchase-orders/" + newPurchaseOrderId() + "/issue", PROCUREMENT_KEY,
                body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    @Test
    void refusesIntegersWrittenAsDecimalsOrText() {
        refusedOrder(withLineValue("lineNumber", 1.5), 422, "invalid-number", "/lines/0/lineNumber");
        refusedOrder(withLineValue("lineNumber", 1.0), 422, "invalid-number", "/lines/0/lineNumber");
        refusedOrder(withLineValue("lineNumber", "1"), 422, "invalid-number", "/lines/0/lineNumber");
        refusedOrder(withLineValue("lineNumber", 99_999_999_999L), 422, "number-out-of-range",
                "/lines/0/lineNumber");
    }

    @Test
    void refusesBusinessTimesThatAreNotIsoTextOrOutsideTheWindow() {
        refusedOrder(withValue("occurredAt", 1_765_000_000), 422, "invalid-time", "/occurredAt");
        refusedOrder(withValue("occurredAt", "1700000000000"), 422, "invalid-time", "/occurredAt");
        refusedOrder(withValue("occurredAt", "+55840-11-08T22:13:20Z"), 422, "invalid-time", "/occurredAt");
        refusedOrder(withValue("occurredAt", "-0099-03-01T12:00:00Z"), 422, "invalid-time", "/occurredAt");
        refusedOrder(withValue("occurredAt", "2200-01-01T00:00:00Z"), 422, "time-out-of-range", "/occurredAt");
        refusedOrder(withValue("occurredAt", "1969-12-31T23:59:59Z"), 422, "time-out-of-range", "/occurredAt");
    }

    @Test
    void refusesDuplicateLineNumbersNegativeTaxAndNumericDatesOnAnInvoice() {
        String supplier = newSupplierId();
        String order = newPurchaseOrderId();
        Response issued = api.post("/api/v1/purchase-orders/" + order + "/issue", PROCUREMENT_KEY,
                InvoiceRequests.purchaseOrder(supplier, "US01", "USD"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);

        Map<String, Object> sameLineTwice = invoice(supplier, order, newInvoiceNumber(), "USD");
        lines(sameLineTwice).get(1).put("lineNumber", 1);
        refusedInvoice(sameLineTwice, 422, "duplicate-line-number", "/lines/1/lineNumber");

        Map<String, Object> negativeTax = invoice(supplier, order, newInvoiceNumber(), "USD", "12.50", "2050.00",
                "-164.00", "1886.00");
        refusedInvoice(negativeTax, 422, "number-out-of-range", "/taxAmount");

        Map<String, Object> numericDate = invoice(supplier, order, newInvoiceNumber(), "USD");
        numericDate.put("invoiceDate", 20_416);
        refusedInvoice(numericDate, 422, "invalid-time", "/invoiceDate");
    }

    @Test
    void refusesDuplicateLineNumbersInAGoodsReceipt() {
        String order = newPurchaseOrderId();
        Response issued = api.post("/api/v1/purchase-orders/" + order + "/issue", PROCUREMENT_KEY,
                issue("US01", "USD"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        Map<String, Object> twice = receipt("10", null);
        twice.put("lines", List.of(Map.of("lineNumber", 1, "quantity", "10", "unitOfMeasure", "EA"),
                Map.of("lineNumber", 1, "quantity", "20", "unitOfMeasure", "EA")));

        refused("/api/v1/purchase-orders/" + order + "/goods-receipts", twice, 422, "duplicate-line-number",
                "/lines/1/lineNumber");
    }

    @Test
    void refusesTextsAndListsBeyondTheirMaximum() {
        Response text = refusedOrder(withLineValue("description", "x".repeat(241)), 422, "limit-exceeded",
                "/lines/0/description");
        assertThat(text.body().toString()).hasSizeLessThan(1000);

        Map<String, Object> tooManyLines = issue("US01", "USD");
        tooManyLines.put("lines", IntStream.rangeClosed(1, 1001).mapToObj(number -> Map.of("lineNumber", number,
                "description", "Washer", "quantity", "1", "unitOfMeasure", "EA", "unitPrice", "0")).toList());
        tooManyLines.put("totalAmount", "0");
        refusedOrder(tooManyLines, 422, "limit-exceeded", "/lines");

        Map<String, Object> longStreet = SupplierRequests.request(SupplierRequests.newVatNumber());
        longStreet.put("addresses", List.of(Map.of("purpose", "REMIT_TO", "street", "x".repeat(201),
                "city", "Berlin", "postalCode", "10115", "country", "DE")));
        refused("/api/v1/suppliers/" + SupplierRequests.newSupplierId() + "/request", longStreet, 422,
                "limit-exceeded", "/addresses/0/street");
    }

    @Test
    void refusesNestingDeeperThanTheContract() {
        String deep = "[".repeat(40) + "]".repeat(40);
        String body = api.json(issue("US01", "USD")).replaceFirst("\"lines\":\\[", "\"lines\":[" + deep + ",");
        Response refused = refusedOrder(body, 400, "malformed-request", null);
        assertThat(refused.body().toString()).hasSizeLessThan(1000);
    }

    @Test
    void leavesTheEventSerializerAndSpringsOwnMapperLenient() {
        // Stored events of an older or newer revision must keep reading; only request bodies are read strictly.
        assertThat(axonMapper.getDeserializationConfig()
                .isEnabled(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        assertThat(springMapper.deserializationConfig()
                .isEnabled(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    }

    private Response refusedOrder(Object body, int status, String code, String pointer) {
        return refused("/api/v1/purchase-orders/" + newPurchaseOrderId() + "/issue", body, status, code, pointer);
    }

    private Response refusedInvoice(Object body, int status, String code, String pointer) {
        return refused(InvoiceRequests.path(newInvoiceId(), "receipt"), body, status, code, pointer);
    }

    private Response refused(String path, Object body, int status, String code, String pointer) {
        long eventsBefore = events.totalEvents();
        long messagesBefore = events.acceptedMessages();

        Response response = api.post(path, PROCUREMENT_KEY, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        if (pointer != null) {
            assertThat(response.body().path("pointer").asText()).as(response.toString()).isEqualTo(pointer);
        }
        assertThat(events.totalEvents()).as("events written by a refused request").isEqualTo(eventsBefore);
        assertThat(events.acceptedMessages()).as("message ids claimed by a refused request")
                .isEqualTo(messagesBefore);
        return response;
    }

    private static Map<String, Object> withValue(String field, Object value) {
        Map<String, Object> body = issue("US01", "USD");
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> withLineValue(String field, Object value) {
        Map<String, Object> body = issue("US01", "USD");
        lines(body).get(0).put(field, value);
        return body;
    }

    /** The body's lines, made changeable in place. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> body) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Object line : (List<Object>) body.get("lines")) {
            lines.add(line instanceof HashMap<?, ?> ? (Map<String, Object>) line
                    : new HashMap<>((Map<String, Object>) line));
        }
        body.put("lines", lines);
        return lines;
    }
}
