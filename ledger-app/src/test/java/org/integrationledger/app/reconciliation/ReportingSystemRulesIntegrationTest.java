package org.integrationledger.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.erpRejection;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.paymentSchedule;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;
import static org.integrationledger.app.support.ReconciliationEntries.flags;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * Who may report which fact (docs/canonical-model.md): a system of another kind than the fact's owner is refused;
 * a system of the right kind that is not the document's own is recorded and flagged WRONG_SYSTEM.
 */
class ReportingSystemRulesIntegrationTest extends LedgerIntegrationTest {

    private static final java.time.Instant LATER = java.time.Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aGoodsReceiptFromAnErpTheOrderIsNotRoutedToIsRecordedAndFlagged() {
        String po = newPurchaseOrderId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        Map<String, Object> byEmea = receipt("10", null);
        byEmea.put("reportingSystem", "ERP_EMEA");

        Response receipt = ok("/api/v1/purchase-orders/" + po + "/goods-receipts", ERP_EMEA_KEY, byEmea);

        assertThat(receipt.body().path("recorded")).extracting(JsonNode::asText).containsExactly("GoodsReceived");
        JsonNode entry = awaitEntry("PURCHASE_ORDER", po, e -> flags(e).contains("WRONG_SYSTEM@ERP_EMEA"));
        assertThat(flags(entry)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "WRONG_SYSTEM@ERP_EMEA");
    }

    @Test
    void aFactFromAnotherKindOfSystemIsRefused() {
        String po = newPurchaseOrderId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        Map<String, Object> byTaxEngine = receipt("10", null);
        byTaxEngine.put("reportingSystem", "TAX_ENGINE");
        long eventsBefore = events.totalEvents();

        Response refused = api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", TAX_KEY, byTaxEngine);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("reporting-system-not-owner");
        assertThat(events.totalEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void aSupplierCopyAcknowledgedByASystemItWasNeverPropagatedToIsRecordedAndFlagged() {
        String supplier = newSupplierId();
        Map<String, Object> usOnly = request(newVatNumber());
        usOnly.put("requestingLegalEntities", List.of("US01"));
        ok("/api/v1/suppliers/" + supplier + "/request", PROCUREMENT_KEY, usOnly);
        ok("/api/v1/suppliers/" + supplier + "/approval", PROCUREMENT_KEY, decision("head@example.com", null));
        ok("/api/v1/suppliers/" + supplier + "/golden-record", ERP_NA_KEY, goldenRecord("ERP_NA", "V-1", LATER));

        ok("/api/v1/suppliers/" + supplier + "/acknowledgments", ERP_EMEA_KEY,
                acknowledgment("ERP_EMEA", 1, "E-1", null, LATER.plusSeconds(60)));

        JsonNode entry = awaitEntry("SUPPLIER", supplier, e -> flags(e).contains("WRONG_SYSTEM@ERP_EMEA"));
        assertThat(flags(entry)).contains("NOT_ACKNOWLEDGED@PROCUREMENT");
    }

    @Test
    void anInvoicePostingRejectionByAnotherErpIsRecordedAndFlaggedWithoutAPostingFailure() {
        String invoice = receivedInvoice("DE01", "EUR");

        Response rejected = ok(path(invoice, "erp-rejections"), ERP_NA_KEY, erpRejection("ERP_NA"));

        assertThat(rejected.body().path("recorded")).extracting(JsonNode::asText)
                .containsExactly("InvoicePostingRejected");
        JsonNode entry = awaitEntry("INVOICE", invoice, e -> flags(e).contains("WRONG_SYSTEM@ERP_NA"));
        assertThat(flags(entry)).contains("REJECTED@ERP_NA", "NOT_ACKNOWLEDGED@ERP_EMEA");
    }

    @Test
    void aPaymentScheduledByAnotherErpIsRecordedAndFlagged() {
        String invoice = receivedInvoice("US01", "USD");
        Map<String, Object> byEmea = paymentSchedule("PAY-1", "2214.00", "USD");
        byEmea.put("reportingSystem", "ERP_EMEA");

        ok(path(invoice, "payment-schedules"), ERP_EMEA_KEY, byEmea);

        awaitEntry("INVOICE", invoice, e -> flags(e).contains("WRONG_SYSTEM@ERP_EMEA"));
    }

    private String receivedInvoice(String legalEntity, String currency) {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, legalEntity, currency));
        ok("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), currency));
        return invoice;
    }

    private Response ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode awaitEntry(String type, String id, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/reconciliation/" + type + "/" + id,
                REPORTING_KEY), r -> r.status() == 200 && until.test(r.body())).body();
    }
}
