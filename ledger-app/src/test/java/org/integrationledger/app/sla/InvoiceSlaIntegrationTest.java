package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.confirmation;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.payment;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.InvoiceRequests.taxFailed;
import static org.integrationledger.app.support.InvoiceRequests.taxValidated;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The shipped invoice and payment SLAs (application.yml): invoice received to matched, one clock per exception
 * (paired by exception number) and one clock per payment (paired by payment reference), so a partial payment's
 * confirmation stops its own clock and no other.
 */
class InvoiceSlaIntegrationTest extends LedgerIntegrationTest {

    @Test
    void eachPaymentHasItsOwnConfirmationClockAndEachExceptionItsOwnResolutionClock() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD"));
        ok("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "USD"));
        ok(path(invoice, "tax-validations"), TAX_KEY, taxFailed("RATE_MISMATCH"));
        ok(path(invoice, "tax-validations"), TAX_KEY, taxValidated());
        ok(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "1000.00", "USD"));
        ok(path(invoice, "payments"), TREASURY_KEY, payment("PAY-2", "1214.00", "USD"));
        ok(path(invoice, "payment-confirmations"), PROCUREMENT_KEY, confirmation("PAY-1"));

        Map<String, JsonNode> clocks = await().atMost(Duration.ofSeconds(20)).until(() -> clocks(invoice),
                found -> "MET".equals(state(found, "payment-confirmed-to-procurement", "-#PAY-1"))
                        && found.containsKey("payment-confirmed-to-procurement/-#PAY-2")
                        && "MET".equals(state(found, "invoice-exception-resolved", "-#1")));

        assertThat(state(clocks, "payment-confirmed-to-procurement", "-#PAY-2")).as(clocks.toString())
                .isIn("RUNNING", "AT_RISK", "BREACHED");
        assertThat(clocks.get("payment-confirmed-to-procurement/-#PAY-1").path("stopEvent").asText())
                .isEqualTo("PaymentConfirmationAcknowledged");
        assertThat(state(clocks, "invoice-received-to-matched", "-")).isEqualTo("MET");
        assertThat(clocks.get("invoice-received-to-matched/-").path("region").asText())
                .as("an invoice's clocks carry its region, for the dashboard's filters").isEqualTo("NA");
        assertThat(clocks.get("payment-confirmed-to-procurement/-#PAY-2").path("region").asText()).isEqualTo("NA");
    }

    private Map<String, JsonNode> clocks(String document) {
        Response response = api.get("/api/v1/slas/documents/" + document, REPORTING_KEY);
        Map<String, JsonNode> byKey = new HashMap<>();
        if (response.status() == 200) {
            response.body().forEach(clock -> byKey.put(clock.path("rule").asText() + "/"
                    + clock.path("clockKey").asText(), clock));
        }
        return byKey;
    }

    private static String state(Map<String, JsonNode> clocks, String rule, String clockKey) {
        JsonNode clock = clocks.get(rule + "/" + clockKey);
        return clock == null ? null : clock.path("state").asText();
    }

    private void ok(String path, String key, Map<String, Object> body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
