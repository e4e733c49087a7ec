package org.integrationledger.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.*;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Each exception kind raised over HTTP, routed to its queue with business context, and resolved: by corrected
 * data from a connector or by an authorised approver's override (and refused for a forbidden approver).
 */
class InvoiceExceptionsIntegrationTest extends LedgerIntegrationTest {

    @Test
    void aTaxFailureGoesToTheEmeaQueueAndIsResolvedByTheTaxEnginesLaterValidation() {
        Invoice invoice = receivedInvoice("DE01", "EUR", "100", "12.50");
        Response failed = ok(api.post(path(invoice.id, "tax-validations"), TAX_KEY, taxFailed("VAT_ID_INVALID")));
        assertThat(failed.body().path("recorded")).extracting(JsonNode::asText)
                .containsExactly("InvoiceTaxValidationFailed", "InvoiceExceptionRaised");
        JsonNode view = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 4);
        assertThat(view.path("taxStatus").asText()).isEqualTo("FAILED");
        assertThat(view.path("taxReasonCodes").get(0).asText()).isEqualTo("VAT_ID_INVALID");
        assertThat(view.path("openExceptions").get(0).asText()).isEqualTo("TAX_FAILURE");
        JsonNode queued = exception(invoice, "TAX_FAILURE", "OPEN", "&region=EMEA&queue=AP-EMEA&legalEntity=DE01");
        assertThat(queued.path("detail").asText()).contains("EU_VAT", "VAT_ID_INVALID");
        assertThat(queued.path("purchaseOrderId").asText()).isEqualTo(invoice.po);
        assertThat(queued.path("gross").path("amount").decimalValue()).isEqualByComparingTo("2214.00");
        assertThat(queued.path("raisedAt").asText()).isEqualTo("2026-11-24T09:05:00Z");
        assertThat(queued.path("ageSeconds").asLong()).isPositive();

        Response unknownCode = api.post(path(invoice.id, "tax-validations"), TAX_KEY, taxFailed("NEXUS_NOT_REGISTERED"));
        assertThat(unknownCode.status()).as(unknownCode.toString()).isEqualTo(422);
        assertThat(unknownCode.code()).isEqualTo("unknown-tax-reason");

        ok(api.post(path(invoice.id, "tax-validations"), TAX_KEY, taxValidated()));
        JsonNode resolved = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 6);
        assertThat(resolved.path("taxStatus").asText()).isEqualTo("VALIDATED");
        assertThat(resolved.path("openExceptions")).isEmpty();
        JsonNode closed = exception(invoice, "TAX_FAILURE", "RESOLVED", "");
        assertThat(closed.path("resolution").asText()).isEqualTo("CORRECTED_DATA");
        assertThat(closed.path("resolvedBy").asText()).isEqualTo("TAX_ENGINE");
    }

    @Test
    void aMatchVarianceIsOverriddenOnlyByAnAuthorisedApproverWhoDidNotSubmitTheInvoice() {
        // 12.60 is 0.8 % above the ordered 12.50: outside the 0.5 % tolerance.
        Invoice invoice = receivedInvoice("US01", "USD", "100", "12.60");
        assertThat(invoice.recorded).containsExactly("InvoiceReceived", "InvoiceMatchVarianceFound",
                "InvoiceExceptionRaised");
        JsonNode view = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 3);
        assertThat(view.path("matchStatus").asText()).isEqualTo("VARIANCE");
        JsonNode bearings = view.path("lineMatches").get(0);
        assertThat(bearings.path("priceVariance").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(bearings.path("priceVariancePercent").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(bearings.path("problems").get(0).asText()).startsWith("unit price 12.6, ordered at 12.5");
        assertThat(view.path("varianceAmount").path("amount").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode queued = exception(invoice, "MATCH_VARIANCE", "OPEN", "&queue=AP-NA&region=NA");
        assertThat(queued.path("varianceAmount").path("amount").decimalValue()).isEqualByComparingTo("10.00");

        Response bySubmitter = api.post(path(invoice.id, "exception-overrides"), PROCUREMENT_KEY,
                override("MATCH_VARIANCE", SUBMITTER));
        assertThat(bySubmitter.status()).as(bySubmitter.toString()).isEqualTo(422);
        assertThat(bySubmitter.code()).isEqualTo("approver-is-submitter");
        Response byOtherRegion = api.post(path(invoice.id, "exception-overrides"), PROCUREMENT_KEY,
                override("MATCH_VARIANCE", EMEA_APPROVER));
        assertThat(byOtherRegion.status()).as(byOtherRegion.toString()).isEqualTo(403);
        assertThat(byOtherRegion.code()).isEqualTo("approver-not-authorised");
        assertThat(events.eventCount(invoice.id)).isEqualTo(3);

        ok(api.post(path(invoice.id, "exception-overrides"), PROCUREMENT_KEY, override("MATCH_VARIANCE", NA_APPROVER)));
        ok(api.post(path(invoice.id, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100000777")));
        JsonNode posted = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 5);
        assertThat(posted.path("matchStatus").asText()).isEqualTo("OVERRIDDEN");
        assertThat(posted.path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(posted.path("postingControlViolation").asBoolean()).isFalse();
        JsonNode overridden = exception(invoice, "MATCH_VARIANCE", "RESOLVED", "");
        assertThat(overridden.path("resolution").asText()).isEqualTo("OVERRIDE");
        assertThat(overridden.path("resolvedBy").asText()).isEqualTo(NA_APPROVER);
        assertThat(overridden.path("resolutionReason").asText()).isEqualTo("confirmed with the supplier by phone");
    }

    @Test
    void aLateReceiptTurnsAQuantityVarianceIntoAMatch() {
        Invoice invoice = receivedInvoice("US01", "USD", "60", "12.50");
        assertThat(invoice.recorded).containsExactly("InvoiceReceived", "InvoiceMatchVarianceFound",
                "InvoiceExceptionRaised");
        JsonNode shortView = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 3);
        assertThat(shortView.path("lineMatches").get(0).path("quantityVariance").decimalValue())
                .isEqualByComparingTo("40");

        ok(api.post("/api/v1/purchase-orders/" + invoice.po + "/goods-receipts", PROCUREMENT_KEY,
                receipt("40", null)));

        JsonNode matched = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 5);
        assertThat(matched.path("matchStatus").asText()).isEqualTo("MATCHED");
        assertThat(matched.path("openExceptions")).isEmpty();
        assertThat(events.eventTypes(invoice.id)).containsExactly("InvoiceReceived", "InvoiceMatchVarianceFound",
                "InvoiceExceptionRaised", "InvoiceMatched", "InvoiceExceptionResolved");
        JsonNode resolved = exception(invoice, "MATCH_VARIANCE", "RESOLVED", "");
        assertThat(resolved.path("resolution").asText()).isEqualTo("CORRECTED_DATA");
        assertThat(resolved.path("resolutionReason").asText()).startsWith("goods receipt GR-");
    }

    @Test
    void anAmendmentOfTheOrderedPriceTurnsAPriceVarianceIntoAMatch() {
        Invoice invoice = receivedInvoice("US01", "USD", "100", "12.60");
        awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 3);
        java.util.Map<String, Object> amendment = org.integrationledger.app.support.PurchaseOrderRequests
                .amendment(2, "2060.00", "100");
        amendment.put("lines", java.util.List.of(
                java.util.Map.of("lineNumber", 1, "description", "Ball bearing 6204", "quantity", "100",
                        "unitOfMeasure", "EA", "unitPrice", "12.60"),
                java.util.Map.of("lineNumber", 2, "description", "Bearing housing", "quantity", "10",
                        "unitOfMeasure", "EA", "unitPrice", "80.00")));

        ok(api.post("/api/v1/purchase-orders/" + invoice.po + "/amendments", PROCUREMENT_KEY, amendment));

        JsonNode matched = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 5);
        assertThat(matched.path("matchStatus").asText()).isEqualTo("MATCHED");
        // The re-match of the receipt made before the invoice may run after the amendment (it is asynchronous) and
        // is then the one that completes the match: the outcome is the same, the reason names either change.
        assertThat(exception(invoice, "MATCH_VARIANCE", "RESOLVED", "").path("resolutionReason").asText())
                .matches("(amendment 2 of purchase order " + invoice.po + "|goods receipt GR-.*) completed the match");
    }

    @Test
    void goodsAlreadyInvoicedAreNotMatchedAgainForASecondInvoiceWithAnotherNumberAndAmount() {
        String supplier = newSupplierId();
        Invoice first = receivedInvoice(supplier, "US01", "USD", "100", "12.50");
        assertThat(first.recorded).containsExactly("InvoiceReceived", "InvoiceMatched");
        java.util.Map<String, Object> bearingsOnly = invoice(supplier, first.po, newInvoiceNumber(), "USD", "12.50",
                "1250.00", "100.00", "1350.00");
        bearingsOnly.put("lines", java.util.List.of(java.util.Map.of("lineNumber", 1, "purchaseOrderLine", 1,
                "quantity", "100", "unitOfMeasure", "EA", "unitPrice", "12.50", "taxCode", "S1")));
        String second = newInvoiceId();

        Response received = ok(api.post(path(second, "receipt"), PROCUREMENT_KEY, bearingsOnly));

        assertThat(toList(received.body().path("recorded"))).containsExactly("InvoiceReceived",
                "InvoiceMatchVarianceFound", "InvoiceExceptionRaised");
        JsonNode view = awaitInvoice(second, row -> row.path("eventCount").asLong() == 3);
        assertThat(view.path("lineMatches").get(0).path("expectedQuantity").path("value").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(view.path("lineMatches").get(0).path("problems").get(0).asText())
                .isEqualTo("invoiced 100 EA, received 100 of which 100 already invoiced (allowed over: 0)");
    }

    @Test
    void aPostingFailureIsResolvedByTheErpsLaterPostingAndOnlyTheRoutedErpsRefusalRaisesOne() {
        Invoice invoice = receivedInvoice("DE01", "EUR", "100", "12.50");
        Response wrongErp = ok(api.post(path(invoice.id, "erp-rejections"), ERP_NA_KEY, erpRejection("ERP_NA")));
        assertThat(wrongErp.body().path("recorded")).extracting(JsonNode::asText)
                .as("recorded, flagged WRONG_SYSTEM, no posting failure").containsExactly("InvoicePostingRejected");

        ok(api.post(path(invoice.id, "erp-rejections"), ERP_EMEA_KEY, erpRejection("ERP_EMEA")));
        JsonNode rejected = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 5);
        assertThat(rejected.path("erpStatus").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("erpRejectionReason").asText()).startsWith("PERIOD_CLOSED");
        exception(invoice, "POSTING_FAILURE", "OPEN", "&region=EMEA");

        ok(api.post(path(invoice.id, "erp-postings"), ERP_EMEA_KEY, erpPosting("ERP_EMEA", "4711-2026")));
        JsonNode posted = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 7);
        assertThat(posted.path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(posted.path("openExceptions")).isEmpty();
        assertThat(exception(invoice, "POSTING_FAILURE", "RESOLVED", "").path("resolution").asText())
                .isEqualTo("CORRECTED_DATA");
    }

    @Test
    void aPostingOfAnUnmatchedInvoiceIsRecordedAsAVisibleControlViolation() {
        Invoice invoice = receivedInvoice("US01", "USD", "50", "12.50");
        Response posted = ok(api.post(path(invoice.id, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "51000")));
        assertThat(posted.body().path("recorded")).extracting(JsonNode::asText)
                .containsExactly("InvoicePostedInErp", "InvoicePostingControlViolated");

        JsonNode view = awaitInvoice(invoice.id, row -> row.path("eventCount").asLong() == 5);
        assertThat(view.path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(view.path("matchStatus").asText()).isEqualTo("VARIANCE");
        assertThat(view.path("postingControlViolation").asBoolean()).isTrue();
    }

    @Test
    void aSuspectedDuplicateIsAcceptedQueuedAndOverriddenAndQuestionEightShowsWhatHappened() {
        String supplier = newSupplierId();
        Invoice first = receivedInvoice(supplier, "US01", "USD", "100", "12.50");
        Invoice second = receivedInvoice(supplier, "US01", "USD", "100", "12.50");
        assertThat(second.recorded).containsExactly("InvoiceReceived", "InvoiceMatched", "InvoiceExceptionRaised");
        awaitInvoice(second.id, row -> row.path("eventCount").asLong() == 3);
        JsonNode suspicion = exception(second, "DUPLICATE_SUSPICION", "OPEN", "&supplierId=" + supplier);
        assertThat(suspicion.path("detail").asText()).contains("invoice " + first.id);

        ok(api.post(path(second.id, "exception-overrides"), PROCUREMENT_KEY,
                override("DUPLICATE_SUSPICION", NA_APPROVER)));
        awaitInvoice(second.id, row -> row.path("eventCount").asLong() == 4);

        JsonNode duplicates = api.get("/api/v1/invoice-duplicates?supplierId=" + supplier, REPORTING_KEY).body();
        assertThat(duplicates.path("totalItems").asLong()).isEqualTo(1);
        JsonNode caught = duplicates.path("items").get(0);
        assertThat(caught.path("invoiceId").asText()).isEqualTo(second.id);
        assertThat(caught.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(caught.path("resolution").asText()).isEqualTo("OVERRIDE");
        assertThat(caught.path("resolvedBy").asText()).isEqualTo(NA_APPROVER);
    }

    @Test
    void rejectsTheSameSupplierNumberWrittenDifferentlyNamingTheOriginalAndWritesNothing() {
        String supplier = newSupplierId();
        String number = newInvoiceNumber();
        Invoice original = receivedInvoice(supplier, "US01", "USD", "100", "12.50", number);
        String copy = newInvoiceId();

        Response duplicate = api.post(path(copy, "receipt"), PROCUREMENT_KEY, invoice(supplier, original.po,
                " " + number.toLowerCase().replace("-", " / ") + " ", "USD"));

        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("duplicate-invoice");
        assertThat(duplicate.body().path("detail").asText()).contains("already received as invoice " + original.id);
        assertThat(events.eventCount(copy)).isZero();
    }

    private record Invoice(String id, String po, java.util.List<String> recorded) {
    }

    private Invoice receivedInvoice(String legalEntity, String currency, String bearingsReceived, String bearingPrice) {
        return receivedInvoice(newSupplierId(), legalEntity, currency, bearingsReceived, bearingPrice);
    }

    private Invoice receivedInvoice(String supplier, String legalEntity, String currency, String bearingsReceived,
                                    String bearingPrice) {
        return receivedInvoice(supplier, legalEntity, currency, bearingsReceived, bearingPrice, newInvoiceNumber());
    }

    /** Issues the standard order, receives {@code bearingsReceived} bearings and all housings, then the invoice. */
    private Invoice receivedInvoice(String supplier, String legalEntity, String currency, String bearingsReceived,
                                    String bearingPrice, String number) {
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                purchaseOrder(supplier, legalEntity, currency)));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY,
                receipt(bearingsReceived, "10")));
        java.math.BigDecimal net = new java.math.BigDecimal(bearingPrice).multiply(java.math.BigDecimal.valueOf(100))
                .add(new java.math.BigDecimal("800.00")).setScale(2);
        Response received = ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, number,
                currency, bearingPrice, net.toPlainString(), "164.00", net.add(new java.math.BigDecimal("164.00"))
                        .toPlainString())));
        return new Invoice(invoice, po, toList(received.body().path("recorded")));
    }

    private static java.util.List<String> toList(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The invoice's exception of this kind once the queue shows it with {@code status}, filtered by {@code query}. */
    private JsonNode exception(Invoice invoice, String kind, String status, String query) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode page = api.get("/api/v1/invoice-exceptions?kind=" + kind + "&status=" + status + query
                    + "&size=500", REPORTING_KEY).body();
            for (JsonNode item : page.path("items")) {
                if (item.path("invoiceId").asText().equals(invoice.id)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode awaitInvoice(String invoice, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Response response = api.get("/api/v1/invoices/" + invoice, REPORTING_KEY);
            last[0] = response.body();
            return response.status() == 200 && condition.test(response.body());
        });
        return last[0];
    }
}
