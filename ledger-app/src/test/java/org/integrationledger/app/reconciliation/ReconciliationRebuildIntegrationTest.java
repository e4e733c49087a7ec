package org.integrationledger.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.EventTable;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.cancellation;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * The reconciliation view and the trace rebuilt from the whole event history come out identical to the live ones
 * (same checksum), so a replay reproduces every divergence and its start; the rebuild writes and sends nothing.
 */
class ReconciliationRebuildIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"reconciliation-view", "trace-view"})
    void aRebuildFromTheHistoryEqualsTheLiveProjection(String projection) {
        String behind = newPurchaseOrderId();
        ok("/api/v1/purchase-orders/" + behind + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        ok("/api/v1/purchase-orders/" + behind + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000001"));
        // An amount divergence: its text carries amounts, which must read the same from an event and from the table.
        String mismatched = newPurchaseOrderId();
        ok("/api/v1/purchase-orders/" + mismatched + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        ok("/api/v1/purchase-orders/" + mismatched + "/erp-postings", ERP_NA_KEY, otherAmount(mismatched));
        ok("/api/v1/purchase-orders/" + behind + "/amendments", PROCUREMENT_KEY, amendment(2, "2675.00", "150"));
        String cancelled = newPurchaseOrderId();
        ok("/api/v1/purchase-orders/" + cancelled + "/issue", PROCUREMENT_KEY, issue("DE01", "EUR"));
        ok("/api/v1/purchase-orders/" + cancelled + "/erp-postings", ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-1"));
        ok("/api/v1/purchase-orders/" + cancelled + "/cancellation", PROCUREMENT_KEY, cancellation());
        String supplier = newSupplierId();
        ok("/api/v1/suppliers/" + supplier + "/request", PROCUREMENT_KEY, request(newVatNumber()));
        ok("/api/v1/suppliers/" + supplier + "/approval", PROCUREMENT_KEY, decision("head@example.com", null));
        ok("/api/v1/suppliers/" + supplier + "/golden-record", ERP_NA_KEY,
                goldenRecord("ERP_NA", "V-" + supplier, MONDAY_8AM.plusSeconds(7_200)));
        ok("/api/v1/suppliers/" + supplier + "/acknowledgments", ERP_EMEA_KEY,
                acknowledgment("ERP_EMEA", 1, "E-9", null, MONDAY_8AM.plusSeconds(9_000)));
        String path = "/api/v1/audit/projections/" + projection;
        // Other tests' background work (an invoice re-match after a receipt) may still append events: compare a
        // rebuild with a live checksum taken at the same head of the store, and try again if the head moved.
        for (int attempt = 1; ; attempt++) {
            long head = awaitCaughtUp(projection);
            String live = api.get(path + "/checksum", ADMIN_KEY).body().path("checksum").asText();
            long events = new EventTable(jdbc).totalEvents();
            Response started = api.post(path + "/rebuild", ADMIN_KEY, "");
            JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(path + "/rebuild",
                    ADMIN_KEY).body(), progress -> progress.path("state").asText().matches("COMPLETED|FAILED"));
            assertThat(started.status()).isEqualTo(202);
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
            if (done.path("targetIndex").asLong() > head && attempt < 5) {
                continue;
            }
            assertThat(done.path("checksum").asText()).as("rebuilt = live").isEqualTo(live);
            if (jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class) == head) {
                assertThat(new EventTable(jdbc).totalEvents()).as("a rebuild appends no event").isEqualTo(events);
            }
            break;
        }
        if (projection.equals("reconciliation-view")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM reconciliation_flag WHERE document_id = ?",
                    Integer.class, behind)).as("the divergences are part of what was compared").isEqualTo(1);
        } else {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM trace_step WHERE trace_key = ?", Integer.class,
                    cancelled)).isEqualTo(3);
        }
    }

    private static Map<String, Object> otherAmount(String po) {
        Map<String, Object> body = new java.util.HashMap<>(erpPosting("ERP_NA", 1, "45" + po.hashCode()));
        body.put("postedTotal", "2000.00");
        body.put("currency", "USD");
        return body;
    }

    private void ok(String path, String key, Map<String, Object> body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
