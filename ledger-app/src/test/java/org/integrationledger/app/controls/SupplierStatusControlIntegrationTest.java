package org.integrationledger.app.controls;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.SupplierRequests;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * Supplier status controls over HTTP: an invoice of a blocked supplier is recorded with an exception in its
 * regional queue and its posting is a control violation; unblocking does not erase the violation, a payment after
 * the unblock is none, and the unblock in force at the next posting or payment resolves the exception as corrected
 * data. A supplier only requested is not approved: its invoice and payment are flagged too.
 */
class SupplierStatusControlIntegrationTest extends LedgerIntegrationTest {

    @Test
    void aBlockedSuppliersInvoiceIsRecordedAndFlaggedAndTheUnblockErasesNothing() {
        String supplier = onboardedSupplier();
        ok(api.post(SupplierRequests.path(supplier, "block"), ERP_NA_KEY,
                SupplierRequests.block("sanctions screening hit", TUESDAY_9AM.minusSeconds(3_600))));
        String invoice = receivedInvoice(supplier, List.of("InvoiceReceived", "InvoiceMatched",
                "InvoiceExceptionRaised"));
        JsonNode queued = exception(invoice, "SUPPLIER_BLOCKED");
        assertThat(queued.path("region").asText()).isEqualTo("NA");
        assertThat(queued.path("queue").asText()).isEqualTo("AP-NA");
        assertThat(queued.path("detail").asText()).contains("was blocked", "sanctions screening hit");

        Response posted = ok(api.post(path(invoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100009001")));
        assertThat(texts(posted.body().path("recorded"))).containsExactly("InvoicePostedInErp",
                "InvoicePostingControlViolated", "InvoiceControlViolated");

        Response unblocked = ok(api.post(SupplierRequests.path(supplier, "unblock"), ERP_NA_KEY,
                SupplierRequests.block("screening cleared", TUESDAY_9AM.plusSeconds(14_400))));
        assertThat(unblocked.status()).isEqualTo(200);
        // The payment after the unblock is no violation; the unblock is the corrected data that resolves the exception.
        Response paid = ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "2214.00", "USD")));
        assertThat(texts(paid.body().path("recorded"))).containsExactly("InvoiceExceptionResolved",
                "InvoicePaymentExecuted");

        assertThat(events.eventTypes(invoice)).containsExactly("InvoiceReceived", "InvoiceMatched",
                "InvoiceExceptionRaised", "InvoicePostedInErp", "InvoicePostingControlViolated",
                "InvoiceControlViolated", "InvoiceExceptionResolved", "InvoicePaymentExecuted");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                exception(invoice, "SUPPLIER_BLOCKED").path("status").asText().equals("RESOLVED"));
        assertThat(exception(invoice, "SUPPLIER_BLOCKED").path("resolution").asText()).isEqualTo("CORRECTED_DATA");

        // The controls report lists both violations of the posting, with the block as evidence.
        List<String> kinds = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            kinds.clear();
            for (JsonNode item : api.get("/api/v1/controls/violations?region=NA&legalEntity=US01&size=500",
                    REPORTING_KEY).body().path("items")) {
                if (item.path("invoiceId").asText().equals(invoice)) {
                    kinds.add(item.path("kind").asText());
                    if (item.path("kind").asText().equals("POSTING_BLOCKED_SUPPLIER")) {
                        assertThat(item.path("evidence").toString()).contains("SupplierBlocked", "InvoicePostedInErp");
                    }
                }
            }
            return kinds.size() == 2;
        });
        assertThat(kinds).containsExactlyInAnyOrder("POSTING_CONTROL", "POSTING_BLOCKED_SUPPLIER");
    }

    @Test
    void anUnblockBeforeThePostingResolvesTheExceptionAndThePostingIsWithinTheControls() {
        String supplier = onboardedSupplier();
        ok(api.post(SupplierRequests.path(supplier, "block"), ERP_NA_KEY,
                SupplierRequests.block("sanctions screening hit", TUESDAY_9AM.minusSeconds(3_600))));
        String invoice = receivedInvoice(supplier, List.of("InvoiceReceived", "InvoiceMatched",
                "InvoiceExceptionRaised"));
        ok(api.post(SupplierRequests.path(supplier, "unblock"), ERP_NA_KEY,
                SupplierRequests.block("screening cleared", TUESDAY_9AM.plusSeconds(3_600))));

        Response posted = ok(api.post(path(invoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100009002")));
        assertThat(texts(posted.body().path("recorded"))).containsExactly("InvoiceExceptionResolved",
                "InvoicePostedInErp");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                exception(invoice, "SUPPLIER_BLOCKED").path("status").asText().equals("RESOLVED"));
        JsonNode resolved = exception(invoice, "SUPPLIER_BLOCKED");
        assertThat(resolved.path("resolution").asText()).isEqualTo("CORRECTED_DATA");
        assertThat(resolved.path("resolutionReason").asText()).contains("stands approved and unblocked",
                "SupplierUnblocked");
    }

    @Test
    void aSupplierOnlyRequestedIsNotApprovedAndPayingItsInvoiceIsAControlViolation() {
        String supplier = SupplierRequests.newSupplierId();
        ok(api.post(SupplierRequests.path(supplier, "request"), PROCUREMENT_KEY,
                SupplierRequests.request(SupplierRequests.newVatNumber())));
        String invoice = receivedInvoice(supplier, List.of("InvoiceReceived", "InvoiceMatched",
                "InvoiceExceptionRaised"));
        assertThat(exception(invoice, "SUPPLIER_NOT_APPROVED").path("detail").asText()).contains("not approved");

        Response paid = ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "2214.00", "USD")));
        assertThat(texts(paid.body().path("recorded"))).containsExactly("InvoicePaymentExecuted",
                "InvoiceControlViolated");
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

    private String receivedInvoice(String supplier, List<String> expected) {
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));
        Response received = ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY,
                invoice(supplier, po, newInvoiceNumber(), "USD")));
        assertThat(texts(received.body().path("recorded"))).containsExactlyElementsOf(expected);
        return invoice;
    }

    private JsonNode exception(String invoice, String kind) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode page = api.get("/api/v1/invoice-exceptions?kind=" + kind + "&size=500", REPORTING_KEY).body();
            for (JsonNode item : page.path("items")) {
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
