package org.integrationledger.app.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.controls.ControlViolationWebhook;
import org.integrationledger.query.sla.SlaSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.controls.ControlResponses.ok;
import static org.integrationledger.app.controls.ControlResponses.texts;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.*;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * A payment in another currency than its invoice over HTTP: recorded (200, not 422) with its own amount, not added
 * to the invoice's amount paid, listed by the controls report as PAYMENT_CURRENCY_MISMATCH with the payment, the
 * violation and the receipt as evidence, an AMOUNT_MISMATCH on the invoice and the payment in reconciliation, and
 * announced on the webhook; a retried message records nothing more.
 */
class PaymentCurrencyControlIntegrationTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    private HttpServer receiver;
    private final List<JsonNode> announced = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/controls", exchange -> {
            announced.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aPaymentInAnotherCurrencyIsRecordedFlaggedReportedReconciledAndAnnouncedOnce() {
        String invoice = receivedInvoice();
        ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "1000.00", "EUR")));

        Map<String, Object> inDollars = payment("PAY-2", "1300.00", "USD");
        Response paid = ok(api.post(path(invoice, "payments"), TREASURY_KEY, inDollars));
        assertThat(texts(paid.body().path("recorded"))).containsExactly("InvoicePaymentExecuted",
                "InvoiceControlViolated");
        Response retried = ok(api.post(path(invoice, "payments"), TREASURY_KEY, inDollars));
        assertThat(retried.replayed()).isEqualTo("true");
        assertThat(retried.body().path("replayed").asBoolean()).isTrue();
        assertThat(retried.body().path("ledgerVersion")).isEqualTo(paid.body().path("ledgerVersion"));
        assertThat(retried.body().path("recorded")).isEqualTo(paid.body().path("recorded"));
        Response again = api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-2", "1300.00", "USD"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("payment-already-recorded");
        assertThat(events.eventTypes(invoice)).containsExactly("InvoiceReceived", "InvoiceMatched",
                "InvoicePaymentExecuted", "InvoicePaymentExecuted", "InvoiceControlViolated");

        // The invoice's amount paid is the euro payment alone: 1,300 dollars do not make 2,214 euros overpaid.
        JsonNode view = awaitInvoice(invoice, v -> v.path("eventCount").asLong() == 5);
        assertThat(view.path("amountPaid").path("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(view.path("amountPaid").path("currency").asText()).isEqualTo("EUR");
        assertThat(view.path("paymentStatus").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(view.path("overpaid").asBoolean()).isFalse();
        assertThat(view.path("paymentsAwaitingConfirmation").asInt()).isEqualTo(2);

        JsonNode violation = reported(invoice, "?kind=PAYMENT_CURRENCY_MISMATCH&region=EMEA&legalEntity=DE01");
        assertThat(violation.path("paymentReference").asText()).isEqualTo("PAY-2");
        assertThat(violation.path("violationId").asText()).isEqualTo(invoice + "/4");
        assertThat(violation.path("detail").asText()).isEqualTo("TREASURY paid 1300.00 USD as payment PAY-2 of an"
                + " invoice of 2214.00 EUR: not added to its total paid (no exchange rate)");
        List<String> evidence = new ArrayList<>();
        violation.path("evidence").forEach(e -> evidence.add(e.path("documentType").asText() + "/"
                + e.path("eventType").asText() + "#" + e.path("sequenceNumber").asLong()));
        assertThat(evidence).containsExactly("invoice/InvoicePaymentExecuted#3", "invoice/InvoiceControlViolated#4",
                "invoice/InvoiceReceived#0");

        JsonNode entry = awaitEntry("INVOICE", invoice, e -> e.path("divergences").toString()
                .contains("AMOUNT_MISMATCH"));
        assertThat(entry.path("divergences").toString()).contains("paid in another currency than the invoice's EUR");
        JsonNode payment = awaitEntry("PAYMENT", invoice + ":PAY-2", e -> e.path("divergences").toString()
                .contains("AMOUNT_MISMATCH"));
        assertThat(payment.path("divergences").toString()).contains("TREASURY paid 1300.00 USD");

        ControlViolationWebhook webhook = new ControlViolationWebhook(jdbc, transactions, Clock.systemUTC(),
                new SlaSettings.Webhook(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/controls"), 3, Duration.ofMillis(1), Duration.ofMillis(10), null, null, null));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            webhook.sendDue();
            return announced.stream().anyMatch(body -> body.path("invoiceId").asText().equals(invoice));
        });
        webhook.sendDue();
        List<JsonNode> bodies = announced.stream().filter(b -> b.path("invoiceId").asText().equals(invoice)).toList();
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0).path("type").asText()).isEqualTo("control-violated");
        assertThat(bodies.get(0).path("kind").asText()).isEqualTo("PAYMENT_CURRENCY_MISMATCH");
        assertThat(bodies.get(0).path("violationId").asText()).isEqualTo(invoice + "/4");
    }

    private String receivedInvoice() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "DE01", "EUR")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));
        ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "EUR")));
        return invoice;
    }

    private JsonNode reported(String invoice, String query) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Response page = api.get("/api/v1/controls/violations" + query + "&size=500", REPORTING_KEY);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonNode item : page.body().path("items")) {
                if (item.path("invoiceId").asText().equals(invoice)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
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

    private JsonNode awaitEntry(String documentType, String id, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Response response = api.get("/api/v1/reconciliation/" + documentType + "/" + id, REPORTING_KEY);
            last[0] = response.body();
            return response.status() == 200 && condition.test(response.body());
        });
        return last[0];
    }
}
