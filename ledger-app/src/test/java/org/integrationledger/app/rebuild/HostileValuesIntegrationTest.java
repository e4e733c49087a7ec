package org.integrationledger.app.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * Orders at the edge of what the contract accepts (docs/canonical-model.md, "Limits and refusals": a total of
 * thirteen integer digits, the first and the last second of the business-time window) reach every view and survive
 * a rebuild of every projection, and an ordinary order after them is not held up (docs/architecture.md, "What a
 * view can hold"). Values beyond those edges are refused at the door (RequestShapeIntegrationTest).
 */
class HostileValuesIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private static final List<String> PROJECTIONS = List.of("invoice-view", "purchase-order-view",
            "reconciliation-view", "supplier-view", "trace-view");

    @Test
    void ordersAtTheEdgeOfWhatPostgresqlHoldsReachEveryViewAndEveryRebuild() {
        // given orders of 1,000,000 at 9,999,999.999999, at the latest business time the ledger accepts (its clock:
        // nothing from the future) and at the start of the business-time window, then an ordinary one
        String huge = newPurchaseOrderId();
        String lastSecond = newPurchaseOrderId();
        String firstSecond = newPurchaseOrderId();
        String ordinary = newPurchaseOrderId();
        Map<String, Object> hugeOrder = issue("US01", "USD");
        hugeOrder.put("totalAmount", "9999999999999.00");
        hugeOrder.put("lines", List.of(line("1000000", "9999999.999999")));
        Map<String, Object> lastSecondOrder = issue("US01", "USD");
        Instant latest = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String latestStored = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'AD'").withZone(ZoneOffset.UTC)
                .format(latest);
        lastSecondOrder.put("occurredAt", latest.toString());
        Map<String, Object> firstSecondOrder = issue("US01", "USD");
        firstSecondOrder.put("occurredAt", "1970-01-01T00:00:00Z");

        post(huge, "issue", PROCUREMENT_KEY, hugeOrder);
        post(huge, "erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "45-" + huge));
        post(lastSecond, "issue", PROCUREMENT_KEY, lastSecondOrder);
        post(firstSecond, "issue", PROCUREMENT_KEY, firstSecondOrder);
        post(ordinary, "issue", PROCUREMENT_KEY, issue("US01", "USD"));

        // then each is in the purchase-order view, the reconciliation view and the trace, with its values unchanged
        // (the huge order's latest business time is its ERP posting's, ten minutes after its issue)
        Map<String, String> businessTimes = Map.of(huge, "2026-11-23T09:10:00Z",
                lastSecond, latest.toString(), firstSecond, "1970-01-01T00:00:00Z",
                ordinary, "2026-11-23T09:00:00Z");
        for (String order : List.of(huge, lastSecond, firstSecond, ordinary)) {
            JsonNode view = await().atMost(Duration.ofSeconds(20)).until(
                    () -> api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY),
                    response -> response.status() == 200).body();
            assertThat(view.path("lastBusinessTime").asText()).as(order).isEqualTo(businessTimes.get(order));
            JsonNode reconciliation = await().atMost(Duration.ofSeconds(20)).until(
                    () -> api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + order, REPORTING_KEY),
                    response -> response.status() == 200).body();
            assertThat(reconciliation.path("lastBusinessTime").asText()).as(order)
                    .isEqualTo(businessTimes.get(order));
            JsonNode trace = await().atMost(Duration.ofSeconds(20)).until(
                    () -> api.get("/api/v1/trace/" + order, REPORTING_KEY),
                    response -> response.status() == 200
                            && response.body().path("steps").findValuesAsText("event").contains("PurchaseOrderIssued"))
                    .body();
            assertThat(trace.path("steps").get(0).path("businessTime").asText()).as(order)
                    .isEqualTo(order.equals(huge) ? "2026-11-23T09:00:00Z" : businessTimes.get(order));
        }
        // PostgreSQL holds the instants themselves, not instants shifted by a calendar or time zone on the way in
        for (String table : List.of("purchase_order_view", "reconciliation_document")) {
            String key = table.equals("purchase_order_view") ? "purchase_order_id" : "document_id";
            assertThat(stored(table, "last_business_time", key, firstSecond)).isEqualTo("1970-01-01 00:00:00 AD");
            assertThat(stored(table, "last_business_time", key, lastSecond)).isEqualTo(latestStored);
        }
        assertThat(stored("trace_step", "business_time", "trace_key", firstSecond)).isEqualTo("1970-01-01 00:00:00 AD");
        JsonNode hugeView = api.get("/api/v1/purchase-orders/" + huge, REPORTING_KEY).body();
        assertThat(new BigDecimal(hugeView.path("total").path("amount").asText()))
                .isEqualByComparingTo("9999999999999");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/purchase-orders/" + huge, REPORTING_KEY)
                .body().path("erpStatus").asText().equals("POSTED"));

        // when every projection is rebuilt from the event store
        PROJECTIONS.forEach(this::awaitCaughtUp);
        Map<String, String> live = new HashMap<>();
        PROJECTIONS.forEach(name -> live.put(name, checksum(name)));
        Map<String, JsonNode> done = Rebuilds.rebuildAll(api, ADMIN_KEY, PROJECTIONS);

        // then each completes, equal to its live view, and leaves nothing out
        for (String name : PROJECTIONS) {
            JsonNode progress = done.get(name);
            assertThat(progress.path("state").asText()).as(name + " " + progress).isEqualTo("COMPLETED");
            assertThat(progress.path("documentsLeftOut").asLong()).as(name).isZero();
            assertThat(progress.path("checksum").asText()).as(name + ": rebuilt = live").isEqualTo(live.get(name));
            assertThat(checksum(name)).as(name + " after the switch").isEqualTo(live.get(name));
        }
        assertThat(api.get("/api/v1/purchase-orders/" + lastSecond, REPORTING_KEY).body().path("lastBusinessTime")
                .asText()).isEqualTo(businessTimes.get(lastSecond));
        assertThat(api.get("/api/v1/purchase-orders/" + firstSecond, REPORTING_KEY).body().path("lastBusinessTime")
                .asText()).isEqualTo(businessTimes.get(firstSecond));
        assertThat(stored("purchase_order_view", "last_business_time", "purchase_order_id", firstSecond))
                .isEqualTo("1970-01-01 00:00:00 AD");
        assertThat(stored("reconciliation_document", "last_business_time", "document_id", lastSecond))
                .isEqualTo(latestStored);
    }

    private static Map<String, Object> line(String quantity, String unitPrice) {
        return Map.of("lineNumber", 1, "description", "Ball bearing 6204", "quantity", quantity,
                "unitOfMeasure", "EA", "unitPrice", unitPrice);
    }

    /** The instant as PostgreSQL itself holds it, in UTC, read without the JDBC driver's calendars. */
    private String stored(String table, String column, String keyColumn, String key) {
        return jdbc.queryForObject("SELECT to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS BC') FROM "
                + table + " WHERE " + keyColumn + " = ?", String.class, key);
    }

    private String checksum(String projection) {
        return Rebuilds.checksum(api, ADMIN_KEY, projection);
    }

    private void post(String order, String action, String key, Object body) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
