package org.integrationledger.app.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.erpPosting;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.payment;
import static org.integrationledger.app.support.InvoiceRequests.paymentSchedule;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.InvoiceRequests.taxValidated;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** The accrual facts and balances rebuilt from the event store answer the same reports as the live ones did. */
class AccrualRebuildIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private static final String REBUILD = "/api/v1/audit/projections/accrual-facts/rebuild";
    private static final String CHECKSUM = "/api/v1/audit/projections/accrual-facts/checksum";

    @Test
    void aRebuildGivesTheSameReportAsBeforeIt() {
        String supplier = newSupplierId();
        String partlyInvoiced = newPurchaseOrderId();
        post("/api/v1/purchase-orders/" + partlyInvoiced + "/issue", purchaseOrder(supplier, "DE01", "EUR"));
        // Bearings received in full and invoiced; housings invoiced (10) ahead of their goods (4).
        post("/api/v1/purchase-orders/" + partlyInvoiced + "/goods-receipts", receipt("100", "4"));
        post(path(newInvoiceId(), "receipt"), invoice(supplier, partlyInvoiced, newInvoiceNumber(), "EUR"));
        String received = newPurchaseOrderId();
        post("/api/v1/purchase-orders/" + received + "/issue", purchaseOrder(supplier, "GB01", "GBP"));
        post("/api/v1/purchase-orders/" + received + "/goods-receipts", receipt("30", null));
        // Posted and paid: events that name only the invoice, which the rebuild folds into the invoice's order.
        String paidOrder = newPurchaseOrderId();
        String paidInvoice = newInvoiceId();
        post("/api/v1/purchase-orders/" + paidOrder + "/issue", purchaseOrder(supplier, "US01", "USD"));
        post("/api/v1/purchase-orders/" + paidOrder + "/goods-receipts", receipt("100", "10"));
        post(path(paidInvoice, "receipt"), invoice(supplier, paidOrder, newInvoiceNumber(), "USD"));
        post(path(paidInvoice, "tax-validations"), TAX_KEY, taxValidated());
        post(path(paidInvoice, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", "5100000042"));
        post(path(paidInvoice, "payment-schedules"), TREASURY_KEY, paymentSchedule("PAY-1", "2214.00", "USD"));
        post(path(paidInvoice, "payments"), TREASURY_KEY, payment("PAY-1", "2214.00", "USD"));
        awaitCaughtUp("accrual-facts");
        assertThat(postedAndPaidFacts(paidInvoice)).as("live").isEqualTo(4);
        String periodEnd = LocalDate.now(ZoneOffset.UTC).toString();
        String knownAt = Instant.now().toString();
        String asNow = "/api/v1/accruals?periodEnd=" + periodEnd + "&size=1000";
        String asKnown = asNow + "&knownAt=" + knownAt;
        String variances = "/api/v1/accruals/variances?periodEnd=" + periodEnd + "&knownAt=" + knownAt;
        JsonNode nowBefore = withoutKnownAt(api.get(asNow, REPORTING_KEY).body());
        JsonNode knownBefore = api.get(asKnown, REPORTING_KEY).body();
        JsonNode variancesBefore = api.get(variances, REPORTING_KEY).body();
        String live = api.get(CHECKSUM, ADMIN_KEY).body().path("checksum").asText();
        assertThat(knownBefore.path("groups")).as("the data the rebuild must reproduce").hasSizeGreaterThanOrEqualTo(2);

        assertThat(api.post(REBUILD, ADMIN_KEY, "").status()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(90)).until(() -> api.get(REBUILD, ADMIN_KEY).body(),
                progress -> !progress.path("state").asText().matches("RUNNING|SWITCHING"));

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("checksum").asText()).as("rebuilt = live").isEqualTo(live);
        assertThat(postedAndPaidFacts(paidInvoice)).as("rebuilt").isEqualTo(4);
        assertThat(withoutKnownAt(api.get(asNow, REPORTING_KEY).body())).isEqualTo(nowBefore);
        assertThat(api.get(asKnown, REPORTING_KEY).body()).isEqualTo(knownBefore);
        assertThat(api.get(variances, REPORTING_KEY).body()).isEqualTo(variancesBefore);
    }

    /** "As known now" answers the time of asking as its knownAt; everything else must be the same. */
    private static JsonNode withoutKnownAt(JsonNode report) {
        ((ObjectNode) report).remove("knownAt");
        return report;
    }

    private long postedAndPaidFacts(String invoice) {
        return jdbc.queryForObject("SELECT count(*) FROM accrual_fact WHERE invoice_id = ? "
                + "AND kind IN ('INVOICE_POSTED_IN_ERP', 'PAID')", Long.class, invoice);
    }

    private void post(String path, Map<String, Object> body) {
        post(path, PROCUREMENT_KEY, body);
    }

    private void post(String path, String key, Map<String, Object> body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
