package org.integrationledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is open to read and describes every connector and query endpoint. */
class OpenApiIntegrationTest extends LedgerIntegrationTest {

    @Test
    void documentsEveryPurchaseOrderEndpointWithoutAnApiKey() {
        Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        for (String action : new String[] {"requisition-approval", "issue", "amendments", "erp-postings",
                "erp-rejections", "goods-receipts", "cancellation", "closure"}) {
            assertThat(paths.path("/api/v1/purchase-orders/{purchaseOrderId}/" + action).has("post"))
                    .as(action).isTrue();
        }
        assertThat(paths.path("/api/v1/purchase-orders/{purchaseOrderId}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/purchase-orders").has("get")).isTrue();
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void documentsEverySupplierEndpoint() {
        JsonNode paths = api.get("/v3/api-docs", null).body().path("paths");
        for (String action : new String[] {"request", "approval", "rejection", "golden-record", "changes",
                "bank-account-changes", "bank-account-changes/approval", "block", "unblock", "acknowledgments",
                "propagation-failures"}) {
            assertThat(paths.path("/api/v1/suppliers/{supplierId}/" + action).has("post")).as(action).isTrue();
        }
        assertThat(paths.path("/api/v1/suppliers/{supplierId}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/supplier-copies/unacknowledged").has("get")).isTrue();
    }

    @Test
    void documentsEveryInvoiceEndpoint() {
        JsonNode paths = api.get("/v3/api-docs", null).body().path("paths");
        for (String action : new String[] {"receipt", "tax-validations", "exception-overrides", "erp-postings",
                "erp-rejections", "payment-schedules", "payments", "payment-confirmation-deliveries",
                "payment-confirmations"}) {
            assertThat(paths.path("/api/v1/invoices/{invoiceId}/" + action).has("post")).as(action).isTrue();
        }
        assertThat(paths.path("/api/v1/invoices/{invoiceId}").has("get")).isTrue();
        for (String query : new String[] {"/api/v1/invoice-exceptions", "/api/v1/invoice-duplicates",
                "/api/v1/payments/unconfirmed"}) {
            assertThat(paths.path(query).has("get")).as(query).isTrue();
        }
    }

    @Test
    void documentsTheAuditEndpointsWithTheTimeAxisOfEachAnswer() {
        JsonNode paths = api.get("/v3/api-docs", null).body().path("paths");

        assertThat(paths.path("/api/v1/audit/documents/{aggregateId}/history").path("get").path("description")
                .asText()).contains("recorded time", "business time");
        assertThat(paths.path("/api/v1/audit/purchase-orders/{purchaseOrderId}/as-of").path("get")
                .path("description").asText()).contains("Time axis: recorded time");
        assertThat(paths.path("/api/v1/audit/purchase-orders/as-of").path("get").path("description").asText())
                .contains("Time axis: recorded time");
    }
}
