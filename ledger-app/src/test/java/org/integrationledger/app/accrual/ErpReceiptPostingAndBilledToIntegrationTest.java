package org.integrationledger.app.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newMessageId;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The two facts the accrual's receipt-not-posted and legal-entity-mismatch reasons stand on, over real HTTP: the
 * routed ERP's posting of a goods receipt ({@code goods-receipt-postings}) and the legal entity an invoice is billed
 * to ({@code legalEntity} on the invoice receipt).
 */
class ErpReceiptPostingAndBilledToIntegrationTest extends LedgerIntegrationTest {

    private static final Instant POSTED_AT = Instant.parse("2026-11-24T10:00:00Z");

    private final LocalDate periodEnd = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @Test
    void theRoutedErpsPostingIsRecordedOnceAndTheReceiptIsNoLongerMissingFromTheErpsAccrual() {
        String supplier = newSupplierId();
        String order = newPurchaseOrderId();
        post(order, "issue", purchaseOrder(supplier, "DE01", "EUR"));
        Map<String, Object> receipt = receipt("60", null);
        post(order, "goods-receipts", receipt);
        String receiptNumber = (String) receipt.get("receiptNumber");
        Instant receiptRecordedAt = recordedAt(order, 1);
        awaitCaughtUp("accrual-facts");

        JsonNode notPosted = lineOf(variances(supplier, ""), order, 1);
        assertThat(reasons(notPosted)).contains("RECEIPT_NOT_POSTED_IN_ERP");
        assertThat(variance(notPosted, "RECEIPT_NOT_POSTED_IN_ERP").path("detail").asText())
                .contains(receiptNumber, "PROCUREMENT", "ERP_EMEA", "lacks 750.00 EUR");

        Map<String, Object> posting = posting("ERP_EMEA", receiptNumber);
        Response first = api.post(postings(order), ERP_EMEA_KEY, posting);
        Response retried = api.post(postings(order), ERP_EMEA_KEY, posting);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().path("recorded")).extracting(JsonNode::asText)
                .containsExactly("GoodsReceiptPostedInErp");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.body().path("replayed").asBoolean()).isTrue();
        JsonNode events = history(order);
        assertThat(events).hasSize(3);
        JsonNode recorded = events.get(2).path("payload");
        assertThat(recorded.path("receiptNumber").asText()).isEqualTo(receiptNumber);
        assertThat(recorded.path("erpDocumentNumber").asText()).isEqualTo("5000000042");
        assertThat(recorded.path("receiptKnown").asBoolean()).isTrue();
        assertThat(recorded.path("notTheRoutedErp").asBoolean()).isFalse();
        assertThat(events.get(2).path("revision").asText()).isEqualTo("1");

        awaitCaughtUp("accrual-facts");
        assertThat(reasons(lineOf(variances(supplier, ""), order, 1))).doesNotContain("RECEIPT_NOT_POSTED_IN_ERP");
        // As the ledger knew it before the posting, the receipt is still missing from the ERP's accrual.
        assertThat(reasons(lineOf(variances(supplier, "&knownAt=" + receiptRecordedAt), order, 1)))
                .contains("RECEIPT_NOT_POSTED_IN_ERP");
    }

    @Test
    void onlyAnErpReportsItAndAnotherErpOrAnUnknownReceiptIsRecordedAndFlagged() {
        String order = newPurchaseOrderId();
        post(order, "issue", purchaseOrder(newSupplierId(), "DE01", "EUR"));

        Response fromProcurement = api.post(postings(order), PROCUREMENT_KEY, posting("PROCUREMENT", "GR-1"));
        Response fromAnotherErp = api.post(postings(order), ERP_NA_KEY, posting("ERP_NA", "GR-UNKNOWN"));
        Response unknownOrder = api.post(postings(newPurchaseOrderId()), ERP_EMEA_KEY, posting("ERP_EMEA", "GR-1"));

        assertThat(fromProcurement.status()).isEqualTo(422);
        assertThat(fromProcurement.body().path("code").asText()).isEqualTo("reporting-system-not-owner");
        assertThat(fromAnotherErp.status()).as(fromAnotherErp.toString()).isEqualTo(200);
        JsonNode flagged = history(order).get(1).path("payload");
        assertThat(flagged.path("notTheRoutedErp").asBoolean()).isTrue();
        assertThat(flagged.path("receiptKnown").asBoolean()).isFalse();
        assertThat(unknownOrder.status()).isEqualTo(404);
        assertThat(unknownOrder.body().path("code").asText()).isEqualTo("purchase-order-not-found");
    }

    @Test
    void anInvoiceBilledToAnotherLegalEntityIsRecordedAsBilledAndLabelledALegalEntityMismatch() {
        String supplier = newSupplierId();
        String order = newPurchaseOrderId();
        post(order, "issue", purchaseOrder(supplier, "DE01", "EUR"));
        Map<String, Object> receipt = receipt("60", "10");
        post(order, "goods-receipts", receipt);
        assertThat(api.post(postings(order), ERP_EMEA_KEY, posting("ERP_EMEA", (String) receipt.get("receiptNumber")))
                .status()).isEqualTo(200);
        String invoiceId = newInvoiceId();
        Map<String, Object> billedToFrance = invoice(supplier, order, newInvoiceNumber(), "EUR");
        billedToFrance.put("legalEntity", "FR01");
        Map<String, Object> unrouted = invoice(supplier, order, newInvoiceNumber(), "EUR");
        unrouted.put("legalEntity", "ZZ99");

        Response received = api.post(path(invoiceId, "receipt"), PROCUREMENT_KEY, billedToFrance);
        Response refused = api.post(path(newInvoiceId(), "receipt"), PROCUREMENT_KEY, unrouted);

        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        JsonNode invoiceReceived = history(invoiceId).get(0);
        assertThat(invoiceReceived.path("revision").asText()).isEqualTo("2");
        assertThat(invoiceReceived.path("payload").path("billedTo").asText()).isEqualTo("FR01");
        assertThat(invoiceReceived.path("payload").path("legalEntity").asText()).isEqualTo("DE01");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("unknown-legal-entity");
        awaitCaughtUp("accrual-facts");
        // 100 bearings billed, 60 received: the line is open, and the invoice is in FR01's books, not DE01's.
        JsonNode bearings = lineOf(variances(supplier, ""), order, 1);
        assertThat(bearings.path("side").asText()).isEqualTo("INVOICED_NOT_RECEIVED");
        assertThat(reasons(bearings)).contains("LEGAL_ENTITY_MISMATCH").doesNotContain("RECEIPT_NOT_POSTED_IN_ERP");
        assertThat(variance(bearings, "LEGAL_ENTITY_MISMATCH").path("detail").asText())
                .contains(invoiceId, "billed to FR01, not DE01");
    }

    private Map<String, Object> posting(String erp, String receiptNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", newMessageId());
        body.put("reportingSystem", erp);
        body.put("occurredAt", POSTED_AT.toString());
        body.put("receiptNumber", receiptNumber);
        body.put("erpDocumentNumber", "5000000042");
        return body;
    }

    private static String postings(String order) {
        return "/api/v1/purchase-orders/" + order + "/goods-receipt-postings";
    }

    private void post(String order, String action, Map<String, Object> body) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, PROCUREMENT_KEY, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private JsonNode variances(String supplier, String more) {
        Response response = api.get("/api/v1/accruals/variances?periodEnd=" + periodEnd + "&supplierId=" + supplier
                + more, REPORTING_KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode history(String document) {
        return api.get("/api/v1/audit/documents/" + document + "/history", AUDITOR_KEY).body().path("events");
    }

    private Instant recordedAt(String order, int sequence) {
        return Instant.parse(history(order).get(sequence).path("recordedAt").asText());
    }

    private static JsonNode lineOf(JsonNode report, String order, int lineNumber) {
        for (JsonNode line : report.path("lines")) {
            if (line.path("purchaseOrderId").asText().equals(order) && line.path("lineNumber").asInt() == lineNumber) {
                return line;
            }
        }
        throw new AssertionError("no line " + order + "/" + lineNumber + " in " + report);
    }

    private static List<String> reasons(JsonNode line) {
        List<String> reasons = new ArrayList<>();
        line.path("variances").forEach(variance -> reasons.add(variance.path("reason").asText()));
        return reasons;
    }

    private static JsonNode variance(JsonNode line, String reason) {
        for (JsonNode variance : line.path("variances")) {
            if (variance.path("reason").asText().equals(reason)) {
                return variance;
            }
        }
        throw new AssertionError("no " + reason + " on " + line);
    }
}
