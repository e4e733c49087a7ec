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
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** A clean invoice from the goods receipt to procurement's acknowledgment of the payment confirmation. */
class InvoiceLifecycleIntegrationTest extends LedgerIntegrationTest {

    @Test
    void tracksACleanInvoiceFromReceiptToPaymentConfirmationInEverySystem() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));

        Response received = ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY,
                invoice(supplier, po, newInvoiceNumber(), "USD")));
        assertThat(received.body().path("recorded")).extracting(JsonNode::asText)
                .containsExactly("InvoiceReceived", "InvoiceMatched");
        JsonNode matched = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 2);
        assertThat(matched.path("matchStatus").asText()).isEqualTo("MATCHED");
        assertThat(matched.path("legalEntity").asText()).isEqualTo("US01");
        assertThat(matched.path("routedTo").asText()).isEqualTo("ERP_NA");
        assertThat(matched.path("region").asText()).isEqualTo("NA");
        assertThat(matched.path("taxRegime").asText()).isEqualTo("US_SALES_USE_TAX");
        assertThat(matched.path("taxStatus").asText()).isEqualTo("PENDING");
        assertThat(matched.path("lineMatches")).hasSize(2);
        assertThat(matched.path("lineMatches").get(0).path("basis").asText()).isEqualTo("THREE_WAY");
        assertThat(matched.path("lineMatches").get(0).path("problems")).isEmpty();

        ok(api.post(path(invoice, "tax-validations"), TAX_KEY, taxValidated()));
        ok(api.post(path(invoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100000042")));
        ok(api.post(path(invoice, "payment-schedules"), TREASURY_KEY, paymentSchedule("PAY-1", "2214.00", "USD")));
        ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "2214.00", "USD")));
        JsonNode paid = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 6);
        assertThat(paid.path("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(paid.path("confirmationStatus").asText()).isEqualTo("AWAITING_ACKNOWLEDGMENT");
        assertThat(unconfirmedPayment(invoice).path("confirmationDeliveredAt").isNull()).isTrue();

        ok(api.post(path(invoice, "payment-confirmation-deliveries"), TREASURY_KEY, confirmationDelivery("PAY-1")));
        awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 7);
        JsonNode delivered = unconfirmedPayment(invoice);
        assertThat(delivered.path("confirmationDeliveredAt").asText()).isEqualTo("2026-11-25T09:01:00Z");
        assertThat(delivered.path("executedAt").asText()).isEqualTo("2026-11-25T09:00:00Z");

        ok(api.post(path(invoice, "payment-confirmations"), PROCUREMENT_KEY, confirmation("PAY-1")));
        JsonNode done = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 8);
        assertThat(done.path("taxStatus").asText()).isEqualTo("VALIDATED");
        assertThat(done.path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(done.path("erpDocumentNumber").asText()).isEqualTo("5100000042");
        assertThat(done.path("fiscalPeriod").asText()).isEqualTo("2026-11");
        assertThat(done.path("postingControlViolation").asBoolean()).isFalse();
        assertThat(done.path("amountPaid").path("amount").decimalValue()).isEqualByComparingTo("2214.00");
        assertThat(done.path("gross").path("amount").decimalValue()).isEqualByComparingTo("2214.00");
        assertThat(done.path("overpaid").asBoolean()).isFalse();
        assertThat(done.path("confirmationStatus").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(done.path("openExceptions")).isEmpty();
        assertThat(api.get("/api/v1/payments/unconfirmed?legalEntity=US01&size=500", REPORTING_KEY).body()
                .path("items").findValuesAsText("invoiceId")).doesNotContain(invoice);
        assertThat(events.eventTypes(invoice)).containsExactly("InvoiceReceived", "InvoiceMatched",
                "InvoiceTaxValidated", "InvoicePostedInErp", "InvoicePaymentScheduled", "InvoicePaymentExecuted",
                "PaymentConfirmationDelivered", "PaymentConfirmationAcknowledged");
    }

    @Test
    void recordsAnErpPostingThatArrivesBeforeTheInvoiceAndJudgesItWhenTheInvoiceArrives() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("50", "10")));

        Response early = ok(api.post(path(invoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100000099")));
        assertThat(early.body().path("recorded").get(0).asText()).isEqualTo("InvoicePostedInErp");
        JsonNode known = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 1);
        assertThat(known.path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(known.path("supplier").isNull()).isTrue();
        Response tax = api.post(path(invoice, "tax-validations"), TAX_KEY, taxValidated());
        assertThat(tax.status()).as(tax.toString()).isEqualTo(404);
        assertThat(tax.code()).isEqualTo("invoice-not-found");

        Response received = ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY,
                invoice(supplier, po, newInvoiceNumber(), "USD")));
        assertThat(received.body().path("recorded")).extracting(JsonNode::asText).containsExactly("InvoiceReceived",
                "InvoiceMatchVarianceFound", "InvoiceExceptionRaised", "InvoicePostingControlViolated");
        JsonNode judged = awaitInvoice(invoice, view -> view.path("eventCount").asLong() == 5);
        assertThat(judged.path("supplier").asText()).isEqualTo(supplier);
        assertThat(judged.path("erpDocumentNumber").asText()).isEqualTo("5100000099");
        assertThat(judged.path("postingControlViolation").asBoolean()).isTrue();
    }

    @Test
    void answersNotFoundForAnUnknownInvoiceAndRefusesFactsAboutIt() {
        Response view = api.get("/api/v1/invoices/" + newInvoiceId(), REPORTING_KEY);
        assertThat(view.status()).isEqualTo(404);
        assertThat(view.code()).isEqualTo("invoice-not-found");

        Response tax = api.post(path(newInvoiceId(), "tax-validations"), TAX_KEY, taxValidated());
        assertThat(tax.status()).as(tax.toString()).isEqualTo(404);
        assertThat(tax.code()).isEqualTo("invoice-not-found");
    }

    @Test
    void refusesAnInvoiceForAnOrderTheLedgerDoesNotKnowAndWritesNothing() {
        String invoice = newInvoiceId();
        Response refused = api.post(path(invoice, "receipt"), PROCUREMENT_KEY,
                invoice(newSupplierId(), newPurchaseOrderId(), newInvoiceNumber(), "USD"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("invoice-purchase-order-unknown");
        assertThat(events.eventCount(invoice)).isZero();
    }

    private JsonNode unconfirmedPayment(String invoice) {
        for (JsonNode item : api.get("/api/v1/payments/unconfirmed?legalEntity=US01&size=500", REPORTING_KEY).body()
                .path("items")) {
            if (item.path("invoiceId").asText().equals(invoice)) {
                return item;
            }
        }
        throw new AssertionError("payment of " + invoice + " is not listed as unconfirmed");
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
