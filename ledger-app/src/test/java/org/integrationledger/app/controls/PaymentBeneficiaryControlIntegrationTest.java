package org.integrationledger.app.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerApi.TextResponse;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.SupplierRequests;
import org.integrationledger.model.shared.DocumentKind;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.controls.ControlResponses.ok;
import static org.integrationledger.app.controls.ControlResponses.texts;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.*;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The payment beneficiary control over HTTP, around a bank-account change of the golden record: approved just
 * before the payment, the old account paid is a violation (naming ERP_EMEA, the paying ERP, which had not yet
 * acknowledged the change), listed in the controls report with its evidence, shown in reconciliation and announced
 * on the webhook; approved just after, the old account was right; the new account paid within 30 days is flagged
 * for review.
 */
class PaymentBeneficiaryControlIntegrationTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PAID_AT = TUESDAY_9AM.plusSeconds(86_400);

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
    void aBankChangeApprovedJustBeforeThePaymentMakesTheOldAccountAViolationNamedAsUnacknowledged() {
        String supplier = onboardedSupplier();
        changeBankAccount(supplier, PAID_AT.minusSeconds(1));
        String invoice = receivedInvoice(supplier);

        Response paid = ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "2214.00", "EUR")));
        assertThat(texts(paid.body().path("recorded"))).containsExactly("InvoicePaymentExecuted",
                "InvoiceControlViolated");

        JsonNode violation = reported(invoice, "?kind=PAYMENT_TO_OTHER_ACCOUNT&region=EMEA&legalEntity=DE01"
                + "&since=" + PAID_AT.minusSeconds(60));
        assertThat(violation.path("paymentReference").asText()).isEqualTo("PAY-1");
        assertThat(violation.path("paidAccount").asText()).isEqualTo("****3000");
        assertThat(violation.path("goldenRecordAccount").asText()).isEqualTo("****5555");
        assertThat(violation.path("goldenRecordVersion").asInt()).isEqualTo(2);
        assertThat(violation.path("notYetAcknowledgedBy").asText()).isEqualTo("ERP_EMEA");
        assertThat(violation.path("businessTime").asText()).isEqualTo(PAID_AT.toString());
        List<String> evidence = new ArrayList<>();
        violation.path("evidence").forEach(e -> evidence.add(e.path("documentType").asText() + "/"
                + e.path("eventType").asText() + "#" + e.path("sequenceNumber").asLong()));
        List<String> supplierEvents = events.eventTypes(DocumentKind.SUPPLIER, supplier);
        int approval = supplierEvents.lastIndexOf("BankAccountChangeApproved");
        assertThat(evidence).containsExactly("invoice/InvoicePaymentExecuted#2", "invoice/InvoiceControlViolated#3",
                "supplier/BankAccountChangeApproved#" + approval);
        assertThat(events.eventTypes(invoice).subList(2, 4)).containsExactly("InvoicePaymentExecuted",
                "InvoiceControlViolated");

        assertThat(api.get("/api/v1/controls/violations?kind=PAYMENT_TO_OTHER_ACCOUNT&region=NA&size=500",
                REPORTING_KEY).body().path("items").toString()).doesNotContain(invoice);
        TextResponse csv = api.getText("/api/v1/controls/violations?kind=PAYMENT_TO_OTHER_ACCOUNT", REPORTING_KEY,
                "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("violation_id,kind,invoice_id").contains(invoice + "/3,PAYMENT_TO_OTHER_ACCOUNT")
                .contains("supplier/" + supplier + "#" + approval + " BankAccountChangeApproved");

        JsonNode[] entry = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            entry[0] = api.get("/api/v1/reconciliation/INVOICE/" + invoice, REPORTING_KEY).body();
            return entry[0].path("divergences").toString().contains("BANK_ACCOUNT_MISMATCH");
        });

        ControlViolationWebhook webhook = new ControlViolationWebhook(jdbc, transactions, Clock.systemUTC(),
                new SlaSettings.Webhook(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/controls"), 3, Duration.ofMillis(1), Duration.ofMillis(10), null, null, null));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            webhook.sendDue();
            return announced.stream().anyMatch(body -> body.path("invoiceId").asText().equals(invoice));
        });
        JsonNode body = announced.stream().filter(b -> b.path("invoiceId").asText().equals(invoice)).findFirst()
                .orElseThrow();
        assertThat(body.path("type").asText()).isEqualTo("control-violated");
        assertThat(body.path("kind").asText()).isEqualTo("PAYMENT_TO_OTHER_ACCOUNT");
        assertThat(body.path("violationId").asText()).isEqualTo(invoice + "/3");
    }

    @Test
    void aBankChangeApprovedJustAfterThePaymentDoesNotCountButTheNewAccountIsThenFlaggedForReview() {
        String supplier = onboardedSupplier();
        changeBankAccount(supplier, PAID_AT.plusSeconds(1));
        String invoice = receivedInvoice(supplier);

        Response first = ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "1000.00", "EUR")));
        assertThat(texts(first.body().path("recorded"))).containsExactly("InvoicePaymentExecuted");

        Map<String, Object> second = payment("PAY-2", "1214.00", "EUR");
        second.put("occurredAt", PAID_AT.plusSeconds(7_200).toString());
        second.put("beneficiaryAccountNumber", SupplierRequests.NEW_IBAN);
        Response flagged = ok(api.post(path(invoice, "payments"), TREASURY_KEY, second));
        assertThat(texts(flagged.body().path("recorded"))).containsExactly("InvoicePaymentExecuted",
                "InvoiceControlViolated");
        JsonNode review = reported(invoice, "?kind=RECENT_BANK_ACCOUNT_CHANGE");
        assertThat(review.path("paymentReference").asText()).isEqualTo("PAY-2");
        assertThat(review.path("detail").asText()).contains("within 30 days before the payment");
    }

    private String onboardedSupplier() {
        String supplier = SupplierRequests.newSupplierId();
        ok(api.post(SupplierRequests.path(supplier, "request"), PROCUREMENT_KEY,
                SupplierRequests.request(SupplierRequests.newVatNumber())));
        ok(api.post(SupplierRequests.path(supplier, "approval"), PROCUREMENT_KEY,
                SupplierRequests.decision("head.of.procurement@example.com", null)));
        ok(api.post(SupplierRequests.path(supplier, "golden-record"), ERP_NA_KEY,
                SupplierRequests.goldenRecord("ERP_NA", "V-" + supplier, SupplierRequests.MONDAY_8AM.plusSeconds(7_200))));
        return supplier;
    }

    /** Four eyes: proposed by the AP clerk, approved by the controller, at business time {@code approvedAt}. */
    private void changeBankAccount(String supplier, Instant approvedAt) {
        ok(api.post(SupplierRequests.path(supplier, "bank-account-changes"), ERP_NA_KEY,
                SupplierRequests.bankProposal(SupplierRequests.NEW_IBAN, "ap.clerk@example.com",
                        approvedAt.minusSeconds(3_600))));
        ok(api.post(SupplierRequests.path(supplier, "bank-account-changes/approval"), ERP_NA_KEY,
                SupplierRequests.bankApproval("controller@example.com", approvedAt)));
    }

    private String receivedInvoice(String supplier) {
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
            Response page = api.get("/api/v1/controls/violations" + query + (query.isEmpty() ? "?" : "&")
                    + "size=500", REPORTING_KEY);
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
}
