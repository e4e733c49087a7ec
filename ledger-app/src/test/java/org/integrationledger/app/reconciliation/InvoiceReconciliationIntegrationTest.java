package org.integrationledger.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.ReconciliationEntries.flag;
import static org.integrationledger.app.support.ReconciliationEntries.flags;
import static org.integrationledger.app.support.ReconciliationEntries.system;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.confirmation;
import static org.integrationledger.app.support.InvoiceRequests.erpPosting;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.NA_APPROVER;
import static org.integrationledger.app.support.InvoiceRequests.override;
import static org.integrationledger.app.support.InvoiceRequests.payment;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.InvoiceRequests.taxFailed;
import static org.integrationledger.app.support.InvoiceRequests.taxValidated;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Invoices and payments in the reconciliation view and the trace: not yet posted by the routed ERP, refused by
 * the tax engine (question 2), overpaid, and payments whose confirmation procurement has not acknowledged
 * (question 4); the order's trace runs from requisition to payment confirmation (question 5).
 */
class InvoiceReconciliationIntegrationTest extends LedgerIntegrationTest {

    @Test
    void followsAnInvoiceAndItsPaymentUntilProcurementAcknowledgesTheConfirmation() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD"));
        ok("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "USD"));

        JsonNode received = awaitEntry("INVOICE", invoice, e -> e.path("status").asText().equals("MATCHED"));
        assertThat(received.path("parentKey").asText()).isEqualTo(po);
        assertThat(received.path("region").asText()).isEqualTo("NA");
        assertThat(flags(received)).containsExactly("NOT_ACKNOWLEDGED@ERP_NA");

        ok(path(invoice, "tax-validations"), TAX_KEY, taxValidated());
        ok(path(invoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100000042"));
        JsonNode posted = awaitEntry("INVOICE", invoice, e -> system(e, "ERP_NA").path("state").asText().equals("POSTED"));
        assertThat(posted.path("divergences")).isEmpty();
        assertThat(system(posted, "TAX_ENGINE").path("state").asText()).isEqualTo("VALIDATED");

        ok(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "2214.00", "USD"));
        String paymentId = invoice + ":PAY-1";
        JsonNode unconfirmed = awaitEntry("PAYMENT", paymentId, e -> e.path("divergences").size() == 1);
        assertThat(flags(unconfirmed)).containsExactly("NOT_ACKNOWLEDGED@PROCUREMENT");
        assertThat(unconfirmed.path("parentKey").asText()).isEqualTo(invoice);
        assertThat(unconfirmed.path("region").asText()).isEqualTo("NA");
        JsonNode q4 = api.get("/api/v1/reconciliation?documentType=PAYMENT&divergence=NOT_ACKNOWLEDGED"
                + "&system=PROCUREMENT&size=500", REPORTING_KEY).body();
        assertThat(q4.path("items").findValuesAsText("documentId")).contains(paymentId);

        ok(path(invoice, "payment-confirmations"), PROCUREMENT_KEY, confirmation("PAY-1"));
        JsonNode confirmed = awaitEntry("PAYMENT", paymentId, e -> e.path("divergences").isEmpty());
        assertThat(system(confirmed, "PROCUREMENT").path("state").asText()).isEqualTo("ACKNOWLEDGED");

        JsonNode trace = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/trace/" + po,
                REPORTING_KEY).body(), t -> t.path("steps").findValuesAsText("event")
                .contains("PaymentConfirmationAcknowledged"));
        assertThat(trace.path("steps").findValuesAsText("event")).containsExactly("PurchaseOrderIssued",
                "GoodsReceived", "InvoiceReceived", "InvoiceMatched", "InvoiceTaxValidated", "InvoicePostedInErp",
                "InvoicePaymentExecuted", "PaymentConfirmationAcknowledged");
        assertThat(trace.path("documents").toString()).contains("INVOICE/" + invoice);
    }

    @Test
    void listsInvoicesTheTaxEngineRefusedWithRegionAndReasonAndAnOverpayment() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "DE01", "EUR"));
        ok("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "EUR"));
        ok(path(invoice, "tax-validations"), TAX_KEY, taxFailed("VAT_ID_INVALID"));

        JsonNode failed = awaitEntry("INVOICE", invoice, e -> flags(e).contains("REJECTED@TAX_ENGINE"));
        assertThat(flag(failed, "REJECTED").path("region").asText()).isEqualTo("EMEA");
        assertThat(flag(failed, "REJECTED").path("detail").asText()).contains("VAT_ID_INVALID");
        JsonNode q2 = api.get("/api/v1/reconciliation?documentType=INVOICE&divergence=REJECTED&system=TAX_ENGINE"
                + "&region=EMEA&size=500", REPORTING_KEY).body();
        assertThat(q2.path("items").findValuesAsText("documentId")).contains(invoice);

        ok(path(invoice, "tax-validations"), TAX_KEY, taxValidated());
        awaitEntry("INVOICE", invoice, e -> !flags(e).contains("REJECTED@TAX_ENGINE"));

        ok(path(invoice, "payments"), TREASURY_KEY, payment("PAY-9", "2300.00", "EUR"));
        JsonNode overpaid = awaitEntry("INVOICE", invoice, e -> flags(e).contains("AMOUNT_MISMATCH@TREASURY"));
        assertThat(flag(overpaid, "AMOUNT_MISMATCH").path("detail").asText()).contains("2300.00");
    }

    @Test
    void flagsAnInvoicePostedByAnotherErpThanTheOneItIsRoutedTo() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "DE01", "EUR"));
        ok("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "EUR"));
        ok(path(invoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100000077"));

        // One command records the posting and the control violation; the view may show the first before the second.
        JsonNode misposted = awaitEntry("INVOICE", invoice, e -> flags(e).contains("WRONG_SYSTEM@ERP_NA")
                && flags(e).contains("STATUS_MISMATCH@ERP_NA"));
        assertThat(misposted.path("routedTo").asText()).isEqualTo("ERP_EMEA");
        assertThat(flags(misposted)).contains("NOT_ACKNOWLEDGED@ERP_EMEA", "STATUS_MISMATCH@ERP_NA");
        assertThat(events.eventTypes(invoice)).endsWith("InvoicePostedInErp", "InvoicePostingControlViolated");
    }

    @Test
    void listsASuspectedDuplicateInvoiceWithTheOriginalAndWhatTheApproverDecided() {
        String supplier = newSupplierId();
        String first = receivedInvoice(supplier);
        String second = receivedInvoice(supplier);

        JsonNode open = awaitDuplicate(second, row -> row.path("outcome").asText().equals("OPEN"));
        assertThat(open.path("documentType").asText()).isEqualTo("INVOICE");
        assertThat(open.path("originalId").asText()).isEqualTo(first);
        assertThat(open.path("kind").asText()).isEqualTo("SUSPECTED");
        assertThat(open.path("detail").asText()).contains("invoice " + first);

        ok(path(second, "exception-overrides"), PROCUREMENT_KEY, override("DUPLICATE_SUSPICION", NA_APPROVER));
        JsonNode decided = awaitDuplicate(second, row -> !row.path("outcome").asText().equals("OPEN"));
        assertThat(decided.path("outcome").asText()).isEqualTo("ACCEPTED_BY_OVERRIDE");
        assertThat(decided.path("detail").asText()).contains(NA_APPROVER);
    }

    @Test
    void recordsARefusedExactDuplicateInvoiceOnTheOriginalOnceHoweverOftenItIsRetried() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String original = newInvoiceId();
        String number = newInvoiceNumber();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD"));
        ok("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok(path(original, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, number, "USD"));
        String copy = newInvoiceId();
        Map<String, Object> resubmitted = invoice(supplier, po, number.toLowerCase(), "USD");
        for (int attempt = 0; attempt < 2; attempt++) {
            Response refused = api.post(path(copy, "receipt"), PROCUREMENT_KEY, resubmitted);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("duplicate-invoice");
        }

        JsonNode caught = awaitDuplicate(copy, row -> row.path("kind").asText().equals("EXACT"));
        assertThat(caught.path("originalId").asText()).isEqualTo(original);
        assertThat(caught.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(events.eventTypes(copy)).as("the refused submission wrote nothing of its own").isEmpty();
        assertThat(events.eventTypes(original)).containsOnlyOnce("DuplicateInvoiceSubmissionCaught");
    }

    private String receivedInvoice(String supplier) {
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD"));
        ok("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10"));
        ok(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "USD"));
        return invoice;
    }

    private JsonNode awaitDuplicate(String attempted, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode page = api.get("/api/v1/reconciliation/duplicates?documentType=INVOICE&documentId=" + attempted,
                    REPORTING_KEY).body();
            return page.path("items").size() == 1 ? page.path("items").get(0) : null;
        }, row -> row != null && until.test(row));
    }

    private void ok(String path, String key, Map<String, Object> body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private JsonNode awaitEntry(String type, String id, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/reconciliation/" + type + "/" + id,
                REPORTING_KEY), r -> r.status() == 200 && until.test(r.body())).body();
    }

}
