package org.integrationledger.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.EventTable;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.*;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** The invoice views rebuilt from the event store come out identical to the live ones, and the rebuild sends nothing. */
class InvoiceViewRebuildIntegrationTest extends LedgerIntegrationTest {

    private static final String REBUILD = "/api/v1/audit/projections/invoice-view/rebuild";
    private static final String CHECKSUM = "/api/v1/audit/projections/invoice-view/checksum";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuildsTheInvoiceExceptionAndPaymentTablesIdenticalToTheLiveOnes() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoice = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "FR01", "EUR")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("90", "10")));
        ok(api.post(path(invoice, "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "EUR")));
        ok(api.post(path(invoice, "tax-validations"), TAX_KEY, taxFailed("RATE_MISMATCH")));
        ok(api.post(path(invoice, "exception-overrides"), PROCUREMENT_KEY, override("TAX_FAILURE", EMEA_APPROVER)));
        ok(api.post(path(invoice, "payments"), TREASURY_KEY, payment("PAY-1", "100.00", "EUR")));
        await().atMost(Duration.ofSeconds(20)).until(this::viewsCaughtUp);
        String live = api.get(CHECKSUM, ADMIN_KEY).body().path("checksum").asText();
        long events = new EventTable(jdbc).totalEvents();
        long messages = new EventTable(jdbc).acceptedMessages();

        assertThat(api.post(REBUILD, ADMIN_KEY, "").status()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(REBUILD, ADMIN_KEY).body(),
                progress -> !progress.path("state").asText().matches("RUNNING|SWITCHING"));

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("checksum").asText()).as("rebuilt = live").isEqualTo(live);
        assertThat(api.get(CHECKSUM, ADMIN_KEY).body().path("checksum").asText()).isEqualTo(live);
        JsonNode view = api.get("/api/v1/invoices/" + invoice, REPORTING_KEY).body();
        assertThat(view.path("taxStatus").asText()).isEqualTo("OVERRIDDEN");
        assertThat(view.path("matchStatus").asText()).isEqualTo("VARIANCE");
        assertThat(view.path("lineMatches").get(0).path("quantityVariance").decimalValue()).isEqualByComparingTo("10");
        assertThat(new EventTable(jdbc).totalEvents()).as("a rebuild appends no event").isEqualTo(events);
        assertThat(new EventTable(jdbc).acceptedMessages()).as("a rebuild sends no command").isEqualTo(messages);
    }

    private boolean viewsCaughtUp() {
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'org.integrationledger.model.invoice.%'", Long.class);
        long applied = jdbc.queryForObject("SELECT coalesce(sum(event_count), 0) FROM invoice_view", Long.class);
        return stored == applied;
    }

    private void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
