package org.integrationledger.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.*;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** Partial payments add up, an overpayment is flagged, and question 4 lists every unacknowledged confirmation. */
class InvoicePaymentsIntegrationTest extends LedgerIntegrationTest {

    @Test
    void partialPaymentsAddUpAndTheOneThatCrossesGrossFlagsAnOverpayment() {
        String invoice = receivedInvoice("GB01", "GBP");
        ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-A", "1000.00", "GBP")));
        Response second = ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-B", "1000.00", "GBP")));
        assertThat(second.body().path("recorded")).hasSize(1);
        JsonNode partial = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 4);
        assertThat(partial.path("paymentStatus").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(partial.path("amountPaid").path("amount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(partial.path("paymentsAwaitingConfirmation").asInt()).isEqualTo(2);

        Response crossing = ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-C", "300.00", "GBP")));
        assertThat(crossing.body().path("recorded").get(1).asText()).isEqualTo("InvoiceOverpaymentFlagged");
        JsonNode overpaid = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 6);
        assertThat(overpaid.path("paymentStatus").asText()).isEqualTo("OVERPAID");
        assertThat(overpaid.path("overpaid").asBoolean()).isTrue();
        assertThat(overpaid.path("amountPaid").path("amount").decimalValue()).isEqualByComparingTo("2300.00");
        assertThat(overpaid.path("gross").path("amount").decimalValue()).isEqualByComparingTo("2214.00");

        JsonNode unconfirmed = api.get("/api/v1/payments/unconfirmed?legalEntity=GB01&size=500", REPORTING_KEY).body();
        assertThat(unconfirmed.path("items").findValues("invoiceId").stream()
                .filter(id -> id.asText().equals(invoice)).count()).isEqualTo(3);
        JsonNode first = find(unconfirmed, invoice, "PAY-A");
        assertThat(first.path("executedAt").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(first.path("waitingSeconds").asLong()).isPositive();
        assertThat(first.path("amount").path("amount").decimalValue()).isEqualByComparingTo("1000.00");

        ok(api.post(path(invoice, "payment-confirmations"), PROCUREMENT_KEY, confirmation("PAY-A")));
        JsonNode oneAcknowledged = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 7);
        assertThat(oneAcknowledged.path("confirmationStatus").asText()).isEqualTo("AWAITING_ACKNOWLEDGMENT");
        assertThat(oneAcknowledged.path("paymentsAwaitingConfirmation").asInt()).isEqualTo(2);
        JsonNode remaining = api.get("/api/v1/payments/unconfirmed?legalEntity=GB01&size=500", REPORTING_KEY).body();
        assertThat(find(remaining, invoice, "PAY-A")).isNull();
        assertThat(find(remaining, invoice, "PAY-B")).isNotNull();
    }

    @Test
    void aRetriedPaymentMessageIsRecordedOnceAndAnotherMessageForThePaymentIsRefused() {
        String invoice = receivedInvoice("US01", "USD");
        Map<String, Object> body = payment("PAY-1", "500.00", "USD");
        ok(api.post(path(invoice, "payments"), TREASURY_KEY, body));
        Response retry = ok(api.post(path(invoice, "payments"), TREASURY_KEY, body));
        assertThat(retry.replayed()).isEqualTo("true");

        Response again = api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "500.00", "USD"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("payment-already-recorded");
        Response unknown = api.post(path(invoice, "payment-confirmations"), PROCUREMENT_KEY, confirmation("PAY-9"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("payment-not-found");
        Map<String, Object> fromProcurement = payment("PAY-2", "1.00", "USD");
        fromProcurement.put("reportingSystem", "PROCUREMENT");
        Response wrongSystem = api.post(path(invoice, "payments"), PROCUREMENT_KEY, fromProcurement);
        assertThat(wrongSystem.status()).as(wrongSystem.toString()).isEqualTo(422);
        assertThat(wrongSystem.code()).isEqualTo("reporting-system-not-owner");
        assertThat(events.eventTypes(invoice)).containsExactly("InvoiceReceived", "InvoiceMatched",
                "InvoicePaymentExecuted");
    }

    private static JsonNode find(JsonNode page, String invoice, String reference) {
        for (JsonNode item : page.path("items")) {
            if (item.path("invoiceId").asText().equals(invoice)
                    && item.path("paymentReference").asText().equals(reference)) {
                return item;
            }
        }
        return null;
    }

    private String receivedInvoice(String legalEntity, String currency) {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                purchaseOrder(supplier, legalEntity, currency)));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));
        ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), currency)));
        return invoice;
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
