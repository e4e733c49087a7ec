package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.SupplierRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.*;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** The controls report in the console: a viewer sees a blocked supplier's payment violation, its evidence and CSV. */
class ControlsPageIntegrationTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;

    private ConsoleSession browser;

    @BeforeEach
    void newSession() {
        browser = new ConsoleSession("http://localhost:" + port);
    }

    @Test
    void aViewerSeesAPaymentToABlockedSupplierWithItsEvidenceAndExportsIt() {
        String supplier = SupplierRequests.newSupplierId();
        ok(api.post(SupplierRequests.path(supplier, "request"), PROCUREMENT_KEY,
                SupplierRequests.request(SupplierRequests.newVatNumber())));
        ok(api.post(SupplierRequests.path(supplier, "approval"), PROCUREMENT_KEY,
                SupplierRequests.decision("head.of.procurement@example.com", null)));
        ok(api.post(SupplierRequests.path(supplier, "golden-record"), ERP_NA_KEY,
                SupplierRequests.goldenRecord("ERP_NA", "V-" + supplier, SupplierRequests.MONDAY_8AM.plusSeconds(7_200))));
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));
        ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "USD")));
        ok(api.post(SupplierRequests.path(supplier, "block"), ERP_NA_KEY,
                SupplierRequests.block("sanctions screening hit", TUESDAY_9AM.plusSeconds(3_600))));
        ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "2214.00", "USD")));

        browser.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        String filter = "/console/controls?kind=PAYMENT_BLOCKED_SUPPLIER&region=NA&legalEntity=US01";
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.get(filter).body().contains(invoice));
        String page = browser.get(filter).body();
        assertThat(page).contains("id=\"violations\"", "PAYMENT_BLOCKED_SUPPLIER", "SupplierBlocked",
                "InvoicePaymentExecuted", "href=\"/console/controls\"");
        HttpResponse<String> csv = browser.get(filter + "&format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("violation_id,kind,invoice_id,payment_reference,").contains(invoice);
        assertThat(browser.get("/console/controls?since=yesterday").statusCode()).isEqualTo(400);
    }

    private void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
