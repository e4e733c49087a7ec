package org.integrationledger.app.controls;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.controls.ControlResponses.ok;
import static org.integrationledger.app.controls.ControlResponses.texts;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.*;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Record, then flag, over HTTP: an invoice in another currency than its order, or from another supplier than the
 * order's, is recorded (200, not 422) with a currency-mismatch (supplier-mismatch) exception in its regional queue,
 * is not matched, makes a posting a control violation, and is resolved by an authorised override.
 */
class RecordThenFlagIntegrationTest extends LedgerIntegrationTest {

    @Test
    void anInvoiceInAnotherCurrencyThanItsOrderIsRecordedAndQueuedAsACurrencyMismatch() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "DE01", "EUR")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));

        Response received = ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY,
                invoice(supplier, po, newInvoiceNumber(), "GBP")));
        assertThat(texts(received.body().path("recorded"))).containsExactly("InvoiceReceived",
                "InvoiceExceptionRaised");

        JsonNode view = awaitInvoice(invoice, 2);
        assertThat(view.path("matchStatus").isNull()).as(view.toString()).isTrue();
        assertThat(view.path("gross").path("currency").asText()).isEqualTo("GBP");
        assertThat(texts(view.path("openExceptions"))).containsExactly("CURRENCY_MISMATCH");
        JsonNode queued = exception(invoice, "OPEN");
        assertThat(queued.path("region").asText()).isEqualTo("EMEA");
        assertThat(queued.path("queue").asText()).isEqualTo("AP-EMEA");
        assertThat(queued.path("detail").asText())
                .isEqualTo("purchase order " + po + " is in EUR, the invoice in GBP; legal entity DE01 does not book in GBP");

        Response posted = ok(api.post(path(invoice, "erp-postings"), ERP_EMEA_KEY, erpPosting("ERP_EMEA", "9000001")));
        assertThat(texts(posted.body().path("recorded"))).containsExactly("InvoicePostedInErp",
                "InvoicePostingControlViolated");

        ok(api.post(path(invoice, "exception-overrides"), PROCUREMENT_KEY,
                override("CURRENCY_MISMATCH", EMEA_APPROVER)));
        JsonNode overridden = awaitInvoice(invoice, 5);
        assertThat(overridden.path("matchStatus").asText()).isEqualTo("OVERRIDDEN");
        assertThat(overridden.path("openExceptions")).isEmpty();
        JsonNode resolved = exception(invoice, "RESOLVED");
        assertThat(resolved.path("resolution").asText()).isEqualTo("OVERRIDE");
        assertThat(resolved.path("resolvedBy").asText()).isEqualTo(EMEA_APPROVER);
    }

    @Test
    void anInvoiceFromAnotherSupplierThanItsOrdersIsRecordedAndQueuedAsASupplierMismatch() {
        String ordered = newSupplierId();
        String billing = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(ordered, "US01", "USD")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));

        Map<String, Object> body = invoice(billing, po, newInvoiceNumber(), "USD");
        Response received = ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY, body));
        assertThat(texts(received.body().path("recorded"))).containsExactly("InvoiceReceived",
                "InvoiceExceptionRaised");
        assertThat(ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY, body)).replayed()).isEqualTo("true");
        assertThat(events.eventTypes(invoice)).containsExactly("InvoiceReceived", "InvoiceExceptionRaised");

        JsonNode view = awaitInvoice(invoice, 2);
        assertThat(view.path("matchStatus").isNull()).as(view.toString()).isTrue();
        assertThat(view.path("supplier").asText()).isEqualTo(billing);
        assertThat(texts(view.path("openExceptions"))).containsExactly("SUPPLIER_MISMATCH");
        JsonNode queued = exception(invoice, "SUPPLIER_MISMATCH", "OPEN");
        assertThat(queued.path("region").asText()).isEqualTo("NA");
        assertThat(queued.path("queue").asText()).isEqualTo("AP-NA");
        assertThat(queued.path("detail").asText()).isEqualTo("purchase order " + po + " was issued to supplier "
                + ordered + ", the invoice is from " + billing);

        // Posting it while the mismatch is open breaks the posting control, and the controls report shows it.
        Response posted = ok(api.post(path(invoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100007001")));
        assertThat(texts(posted.body().path("recorded"))).containsExactly("InvoicePostedInErp",
                "InvoicePostingControlViolated");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode item : api.get("/api/v1/controls/violations?kind=POSTING_CONTROL&legalEntity=US01&size=500",
                    REPORTING_KEY).body().path("items")) {
                if (item.path("invoiceId").asText().equals(invoice)) {
                    return item.path("detail").asText().contains("SUPPLIER_MISMATCH");
                }
            }
            return false;
        });

        ok(api.post(path(invoice, "exception-overrides"), PROCUREMENT_KEY,
                override("SUPPLIER_MISMATCH", NA_APPROVER)));
        JsonNode overridden = awaitInvoice(invoice, 5);
        assertThat(overridden.path("matchStatus").asText()).isEqualTo("OVERRIDDEN");
        assertThat(exception(invoice, "SUPPLIER_MISMATCH", "RESOLVED").path("resolution").asText())
                .isEqualTo("OVERRIDE");
    }

    private JsonNode exception(String invoice, String status) {
        return exception(invoice, "CURRENCY_MISMATCH", status);
    }

    private JsonNode exception(String invoice, String kind, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode page = api.get("/api/v1/invoice-exceptions?kind=" + kind + "&status=" + status
                    + "&size=500", REPORTING_KEY).body();
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

    private JsonNode awaitInvoice(String invoice, long eventCount) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Response response = api.get("/api/v1/invoices/" + invoice, REPORTING_KEY);
            last[0] = response.body();
            return response.status() == 200 && response.body().path("eventCount").asLong() == eventCount;
        });
        return last[0];
    }
}
