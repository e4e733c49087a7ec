package org.integrationledger.app.documentkey;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.shared.DocumentKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;
import static org.integrationledger.app.support.ReconciliationEntries.system;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * Business ids come from different systems and are unique per document type only: a supplier, a purchase order
 * and an invoice with the same id are three documents, each with its own history, and none blocks another.
 */
class SameIdAcrossDocumentTypesIntegrationTest extends LedgerIntegrationTest {

    @Test
    void aPurchaseOrderMayHaveTheIdOfASupplier() {
        String id = "COLL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ok("/api/v1/suppliers/" + id + "/request", PROCUREMENT_KEY, request(newVatNumber()));

        ok("/api/v1/purchase-orders/" + id + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        ok("/api/v1/purchase-orders/" + id + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000123"));

        assertThat(events.eventTypes(DocumentKind.SUPPLIER, id)).containsExactly("SupplierRequested");
        assertThat(events.eventTypes(DocumentKind.PURCHASE_ORDER, id))
                .containsExactly("PurchaseOrderIssued", "PurchaseOrderPostedInErp");
        JsonNode supplier = awaitView("/api/v1/suppliers/" + id, view -> true);
        JsonNode order = awaitView("/api/v1/purchase-orders/" + id,
                view -> view.path("eventCount").asInt() == 2);
        assertThat(supplier.path("supplierId").asText()).isEqualTo(id);
        assertThat(order.path("purchaseOrderId").asText()).isEqualTo(id);

        JsonNode supplierHistory = history(id, "supplier");
        assertThat(supplierHistory.path("aggregateId").asText()).isEqualTo(id);
        assertThat(supplierHistory.path("documentType").asText()).isEqualTo("supplier");
        assertThat(supplierHistory.path("events").findValuesAsText("eventType")).containsExactly("SupplierRequested");
        assertThat(supplierHistory.path("events").findValuesAsText("aggregateId")).containsOnly(id);
        JsonNode orderHistory = history(id, "purchase-order");
        assertThat(orderHistory.path("documentType").asText()).isEqualTo("purchase-order");
        assertThat(orderHistory.path("events").findValuesAsText("eventType"))
                .containsExactly("PurchaseOrderIssued", "PurchaseOrderPostedInErp");

        Response ambiguous = api.get("/api/v1/audit/documents/" + id + "/history", AUDITOR_KEY);
        assertThat(ambiguous.status()).isEqualTo(409);
        assertThat(ambiguous.code()).isEqualTo("document-type-required");
        assertThat(ambiguous.body().path("detail").asText()).contains("purchase-order", "supplier");
    }

    @Test
    void anInvoiceAndItsPurchaseOrderWithTheSameIdBothFoldIntoTheReconciliationView() {
        String id = "COLL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String supplier = newSupplierId();
        ok("/api/v1/purchase-orders/" + id + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD"));
        ok("/api/v1/purchase-orders/" + id + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok("/api/v1/purchase-orders/" + id + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000124"));

        ok("/api/v1/invoices/" + id + "/receipt", PROCUREMENT_KEY, invoice(supplier, id, newInvoiceNumber(), "USD"));

        // Each document's events are applied once, under its own position: neither skips the other's.
        JsonNode invoiceEntry = awaitView("/api/v1/reconciliation/INVOICE/" + id,
                entry -> entry.path("status").asText().equals("MATCHED"));
        assertThat(invoiceEntry.path("parentKey").asText()).isEqualTo(id);
        JsonNode orderEntry = awaitView("/api/v1/reconciliation/PURCHASE_ORDER/" + id,
                entry -> system(entry, "ERP_NA").path("version").asInt() == 1);
        assertThat(orderEntry.path("documentId").asText()).isEqualTo(id);
        assertThat(awaitView("/api/v1/invoices/" + id, view -> true).path("invoiceId").asText()).isEqualTo(id);
        assertThat(history(id, "invoice").path("events").findValuesAsText("eventType"))
                .containsExactly("InvoiceReceived", "InvoiceMatched");
        assertThat(history(id, "purchase-order").path("events").findValuesAsText("eventType"))
                .containsExactly("PurchaseOrderIssued", "GoodsReceived", "PurchaseOrderPostedInErp");
    }

    private JsonNode history(String id, String type) {
        Response history = api.get("/api/v1/audit/documents/" + id + "/history?type=" + type, AUDITOR_KEY);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.body();
    }

    private JsonNode awaitView(String path, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, REPORTING_KEY),
                response -> response.status() == 200 && until.test(response.body())).body();
    }

    private void ok(String path, String key, Map<String, Object> body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
