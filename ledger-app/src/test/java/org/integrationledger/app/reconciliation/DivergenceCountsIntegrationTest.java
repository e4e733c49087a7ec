package org.integrationledger.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.cancellation;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpRejection;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * The divergence counts the projection keeps equal the flag table counted directly, under every filter combination
 * the endpoint takes, while divergences open and close and after a rebuild; and paged lists count their totals only
 * up to {@code ledger.query.total-count-limit} (2 here, so a handful of documents exceeds it) unless the kept counts
 * answer them.
 */
@TestPropertySource(properties = "ledger.query.total-count-limit=" + DivergenceCountsIntegrationTest.LIMIT)
class DivergenceCountsIntegrationTest extends LedgerIntegrationTest {

    static final int LIMIT = 2;

    /** Filters of the counts endpoint, each with the same condition on reconciliation_flag. */
    private static final Map<String, String> FILTERS = new TreeMap<>(Map.of(
            "", "TRUE",
            "region=EMEA", "region = 'EMEA'",
            "system=ERP_EMEA", "system_id = 'ERP_EMEA'",
            "divergence=NOT_ACKNOWLEDGED", "flag = 'NOT_ACKNOWLEDGED'",
            "documentType=PURCHASE_ORDER&legalEntity=DE01", "document_type = 'PURCHASE_ORDER' AND legal_entity = 'DE01'",
            "region=NA&system=ERP_NA&divergence=NOT_ACKNOWLEDGED",
            "region = 'NA' AND system_id = 'ERP_NA' AND flag = 'NOT_ACKNOWLEDGED'",
            "documentType=SUPPLIER&divergence=NOT_ACKNOWLEDGED",
            "document_type = 'SUPPLIER' AND flag = 'NOT_ACKNOWLEDGED'",
            "region=EMEA&legalEntity=DE01&system=ERP_EMEA",
            "region = 'EMEA' AND legal_entity = 'DE01' AND system_id = 'ERP_EMEA'"));

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void countsEqualTheFlagTableWhileDivergencesOpenAndClose() {
        mixedScenario();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM reconciliation_flag GROUP BY "
                + "document_type, document_id HAVING count(DISTINCT system_id) > 1 AND count(DISTINCT flag) > 1) d",
                Long.class)).as("documents with several divergences, which the document count must count once")
                .isPositive();
        awaitCountsEqualFlagTable();
    }

    @Test
    void aRebuildRecomputesTheCounts() {
        mixedScenario();
        awaitCountsEqualFlagTable();
        // Counts gone wrong (as by a bug) are replaced by the rebuild's recount, not carried over.
        jdbc.update("UPDATE reconciliation_flag_count SET divergences = divergences + 100");
        jdbc.update("UPDATE reconciliation_flag_document_count SET documents = documents + 7");
        String path = "/api/v1/audit/projections/reconciliation-view";
        Response started = api.post(path + "/rebuild", ADMIN_KEY, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(path + "/rebuild",
                ADMIN_KEY).body(), progress -> progress.path("state").asText().matches("COMPLETED|FAILED"));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        awaitCountsEqualFlagTable();
    }

    @Test
    void listsCountTheirTotalsOnlyUpToTheLimit() {
        for (int i = 0; i < LIMIT + 1; i++) {
            ok("/api/v1/purchase-orders/" + newPurchaseOrderId() + "/issue", PROCUREMENT_KEY, issue("DE01", "EUR"));
        }
        awaitCaughtUp("purchase-order-view");
        awaitCaughtUp("reconciliation-view");

        JsonNode orders = api.get("/api/v1/purchase-orders?erp=ERP_EMEA&procurementStatus=ISSUED&legalEntity=DE01"
                + "&size=50", REPORTING_KEY).body();
        assertThat(orders.path("items").size()).as("the page itself is not capped").isGreaterThan(LIMIT);
        assertThat(orders.path("totalItems").asLong()).isEqualTo(LIMIT);
        assertThat(orders.path("totalExact").asBoolean()).isFalse();

        // Selected by divergence without an age, the kept counts give the exact total past the limit.
        JsonNode byDivergence = api.get("/api/v1/reconciliation?divergence=NOT_ACKNOWLEDGED&system=ERP_EMEA"
                + "&legalEntity=DE01&size=50", REPORTING_KEY).body();
        long divergent = jdbc.queryForObject("SELECT count(DISTINCT (document_type, document_id))"
                + " FROM reconciliation_flag WHERE flag = 'NOT_ACKNOWLEDGED' AND system_id = 'ERP_EMEA'"
                + " AND legal_entity = 'DE01'", Long.class);
        assertThat(byDivergence.path("items").size()).isGreaterThan(LIMIT);
        assertThat(byDivergence.path("totalItems").asLong()).isEqualTo(divergent);
        assertThat(byDivergence.path("totalExact").asBoolean()).isTrue();
        // With an age no divergence is younger than, the same (the kept count less none).
        JsonNode aged = api.get("/api/v1/reconciliation?divergence=NOT_ACKNOWLEDGED&system=ERP_EMEA"
                + "&legalEntity=DE01&divergentFor=PT0S&size=50", REPORTING_KEY).body();
        assertThat(aged.path("totalItems").asLong()).isEqualTo(divergent);
        assertThat(aged.path("totalExact").asBoolean()).isTrue();

        JsonNode byDocument = api.get("/api/v1/reconciliation?documentType=PURCHASE_ORDER&legalEntity=DE01&size=50",
                REPORTING_KEY).body();
        assertThat(byDocument.path("totalItems").asLong()).isEqualTo(LIMIT);
        assertThat(byDocument.path("totalExact").asBoolean()).isFalse();

        // At or under the limit the total is exact: no supplier document has an amount, so none can mismatch.
        JsonNode none = api.get("/api/v1/reconciliation?documentType=SUPPLIER&divergence=AMOUNT_MISMATCH",
                REPORTING_KEY).body();
        assertThat(none.path("totalItems").asLong()).isZero();
        assertThat(none.path("totalExact").asBoolean()).isTrue();
    }

    /** Divergences opening and closing, one or two in one event: posted, amended, cancelled, rejected, misrouted. */
    private void mixedScenario() {
        String behind = newPurchaseOrderId();
        ok(po(behind, "issue"), PROCUREMENT_KEY, issue("US01", "USD"));
        ok(po(behind, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000001"));
        ok(po(behind, "amendments"), PROCUREMENT_KEY, amendment(2, "2675.00", "150"));
        String agreed = newPurchaseOrderId();
        ok(po(agreed, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR"));
        ok(po(agreed, "erp-postings"), ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-1"));
        ok(po(agreed, "cancellation"), PROCUREMENT_KEY, cancellation());
        Map<String, Object> cancelledInErp = new HashMap<>(erpPosting("ERP_EMEA", 1, "E-1"));
        cancelledInErp.put("erpStatus", "CANCELLED");
        ok(po(agreed, "erp-postings"), ERP_EMEA_KEY, cancelledInErp);
        String refused = newPurchaseOrderId();
        ok(po(refused, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR"));
        ok(po(refused, "erp-rejections"), ERP_EMEA_KEY, erpRejection("ERP_EMEA", 1));
        String misrouted = newPurchaseOrderId();
        ok(po(misrouted, "issue"), PROCUREMENT_KEY, issue("US01", "USD"));
        ok(po(misrouted, "erp-postings"), ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-2"));
        // Two divergences closing in one event: the ERP posts the version it had rejected.
        String rejectedThenPosted = newPurchaseOrderId();
        ok(po(rejectedThenPosted, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR"));
        ok(po(rejectedThenPosted, "erp-rejections"), ERP_EMEA_KEY, erpRejection("ERP_EMEA", 1));
        ok(po(rejectedThenPosted, "erp-postings"), ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-3"));
        // Two divergences opening in one event (and one closing): the wrong ERP reports the order before
        // procurement does; the order then turns out to belong to ERP_NA.
        String earlyMisrouted = newPurchaseOrderId();
        ok(po(earlyMisrouted, "erp-postings"), ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-4"));
        ok(po(earlyMisrouted, "issue"), PROCUREMENT_KEY, issue("US01", "USD"));
        String unposted = newPurchaseOrderId();
        ok(po(unposted, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR"));
        String supplier = newSupplierId();
        ok("/api/v1/suppliers/" + supplier + "/request", PROCUREMENT_KEY, request(newVatNumber()));
        ok("/api/v1/suppliers/" + supplier + "/approval", PROCUREMENT_KEY, decision("head@example.com", null));
    }

    /**
     * Compares at a moment the projection has caught up with the store; other tests' background work may still
     * append events, so it tries again until both sides were read at the same state.
     */
    private void awaitCountsEqualFlagTable() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            awaitCaughtUp("reconciliation-view");
            for (Map.Entry<String, String> filter : FILTERS.entrySet()) {
                JsonNode counts = api.get("/api/v1/reconciliation/counts?" + filter.getKey(), REPORTING_KEY).body();
                List<String> kept = new ArrayList<>();
                counts.path("counts").forEach(c -> kept.add(c.path("flag").asText() + "|" + c.path("region").asText()
                        + "|" + (c.path("system").isNull() ? "" : c.path("system").asText()) + "|"
                        + c.path("documentType").asText() + "|" + c.path("count").asLong()));
                List<String> direct = jdbc.query("SELECT flag, region, system_id, document_type, count(*) AS n FROM "
                        + "reconciliation_flag WHERE " + filter.getValue() + " GROUP BY flag, region, system_id, "
                        + "document_type ORDER BY flag, region, system_id, document_type", (rs, n) ->
                        rs.getString("flag") + "|" + rs.getString("region") + "|" + rs.getString("system_id") + "|"
                                + rs.getString("document_type") + "|" + rs.getLong("n"));
                assertThat(kept).as("counts for '%s'", filter.getKey()).isEqualTo(direct);
                assertThat(counts.path("divergences").asLong()).as("divergences for '%s'", filter.getKey())
                        .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM reconciliation_flag WHERE "
                                + filter.getValue(), Long.class));
                assertThat(counts.path("documents").asLong()).as("documents for '%s'", filter.getKey())
                        .isEqualTo(jdbc.queryForObject("SELECT count(DISTINCT (document_type, document_id)) FROM "
                                + "reconciliation_flag WHERE " + filter.getValue(), Long.class));
            }
        });
    }

    private void ok(String path, String key, Map<String, Object> body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static String po(String id, String action) {
        return "/api/v1/purchase-orders/" + id + "/" + action;
    }
}
