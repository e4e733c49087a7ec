package org.integrationledger.app.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.EventTable;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.rebuild.Checksums;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** A projection rebuilt from the event store while connectors keep writing comes out identical, with progress. */
class ProjectionRebuildIntegrationTest extends LedgerIntegrationTest {

    private static final String REBUILD = "/api/v1/audit/projections/purchase-order-view/rebuild";
    private static final String CHECKSUM = "/api/v1/audit/projections/purchase-order-view/checksum";

    @Autowired
    private JdbcTemplate jdbc;

    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWriter() {
        writer.shutdownNow();
    }

    @Test
    void rebuildsUnderConcurrentWritesAndFinishesIdenticalToTheLiveView() throws Exception {
        String known = newPurchaseOrderId();
        post(known, "issue", PROCUREMENT_KEY, issue("US01", "USD"));
        AtomicBoolean rebuilt = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Future<?> connectors = writer.submit(() -> {
            while (!rebuilt.get() || written.get() < 10) {
                String order = newPurchaseOrderId();
                post(order, "issue", PROCUREMENT_KEY, issue("US01", "USD"));
                post(order, "erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "45-" + written.incrementAndGet()));
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> written.get() >= 2
                && api.get("/api/v1/purchase-orders/" + known, REPORTING_KEY).status() == 200);

        Response started = api.post(REBUILD, ADMIN_KEY, "");
        Response readDuringRebuild = api.get("/api/v1/purchase-orders/" + known, REPORTING_KEY);
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(REBUILD, ADMIN_KEY).body(),
                progress -> !progress.path("state").asText().matches("RUNNING|SWITCHING"));
        rebuilt.set(true);
        connectors.get(60, TimeUnit.SECONDS);

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().path("targetIndex").asLong()).isPositive();
        assertThat(readDuringRebuild.status()).as("the live view keeps answering").isEqualTo(200);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("eventsProcessed").asLong()).isGreaterThanOrEqualTo(done.path("targetIndex").asLong() / 2);
        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.path("etaSeconds").asLong()).isZero();

        // Once the writers stopped and the processor caught up, the view equals a rebuild from scratch.
        await().atMost(Duration.ofSeconds(20)).until(this::viewCaughtUp);
        String live = api.get(CHECKSUM, ADMIN_KEY).body().path("checksum").asText();
        long events = new EventTable(jdbc).totalEvents();
        long messages = new EventTable(jdbc).acceptedMessages();

        api.post(REBUILD, ADMIN_KEY, "");
        JsonNode atRest = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(REBUILD, ADMIN_KEY).body(),
                progress -> progress.path("state").asText().equals("COMPLETED"));

        assertThat(atRest.path("checksum").asText()).as("rebuilt = live").isEqualTo(live);
        assertThat(api.get(CHECKSUM, ADMIN_KEY).body().path("checksum").asText()).isEqualTo(live);
        assertThat(new EventTable(jdbc).totalEvents()).as("a rebuild appends no event").isEqualTo(events);
        assertThat(new EventTable(jdbc).acceptedMessages()).as("a rebuild sends no command").isEqualTo(messages);
    }

    @Test
    void rebuildsEveryProjectionInOnePassIdenticalToTheLiveViews() {
        // More orders than a rebuild keeps in memory here (32, LedgerIntegrationTest), each issued long before it is
        // posted: the rebuild spills them to PostgreSQL and reads them back when their posting comes.
        List<String> orders = IntStream.range(0, 40).mapToObj(i -> newPurchaseOrderId()).toList();
        orders.forEach(order -> post(order, "issue", PROCUREMENT_KEY, issue("US01", "USD")));
        orders.forEach(order -> post(order, "erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "45-" + order)));
        List<String> projections = List.of("invoice-view", "purchase-order-view", "reconciliation-view",
                "supplier-view", "trace-view", "accrual-facts");
        projections.forEach(this::awaitCaughtUp);
        Map<String, String> live = new HashMap<>();
        projections.forEach(name -> live.put(name, checksum(name)));
        // The checksums are read through cursors; an empty read would make rebuilt and live agree on nothing.
        // (The order above is in these three; suppliers and invoices may be empty when this class runs alone.)
        for (String populated : List.of("purchase-order-view", "reconciliation-view", "trace-view",
                "accrual-facts")) {
            assertThat(live.get(populated)).as(populated + " covers its rows")
                    .isNotEqualTo(Checksums.sha256(Stream.empty()));
        }
        long events = new EventTable(jdbc).totalEvents();
        long liveTrace = traceTableOid();
        List<String> shadowed = List.of("purchase_order_view", "reconciliation_document", "reconciliation_system",
                "reconciliation_flag");
        Map<String, List<String>> indexesBefore = new HashMap<>();
        Map<String, Long> oidsBefore = new HashMap<>();
        shadowed.forEach(table -> indexesBefore.put(table, indexes(table)));
        shadowed.forEach(table -> oidsBefore.put(table, oid(table)));

        Response started = api.post("/api/v1/audit/projections/rebuild", ADMIN_KEY, "");
        Map<String, JsonNode> done = new HashMap<>();
        for (String name : projections) {
            done.put(name, await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("/api/v1/audit/projections/" + name + "/rebuild", ADMIN_KEY).body(),
                            progress -> !progress.path("state").asText().matches("RUNNING|SWITCHING")));
        }

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body()).hasSize(projections.size());
        for (String name : projections) {
            JsonNode progress = done.get(name);
            assertThat(progress.path("state").asText()).as(name + " " + progress).isEqualTo("COMPLETED");
            assertThat(progress.path("checksum").asText()).as(name + ": rebuilt = live").isEqualTo(live.get(name));
            assertThat(checksum(name)).as(name + " after the switch").isEqualTo(live.get(name));
        }
        // The purchase-order and reconciliation tables were written beside the live ones and renamed in: new tables,
        // with every index of the old ones under the same names and definitions, and no shadow left behind.
        for (String table : shadowed) {
            assertThat(oid(table)).as(table + " was swapped").isNotEqualTo(oidsBefore.get(table));
            assertThat(indexes(table)).as(table + " indexes").isEqualTo(indexesBefore.get(table));
        }
        assertThat(jdbc.queryForList("SELECT relname FROM pg_class WHERE relname LIKE '%\\_rebuilt' AND relkind = 'r'",
                String.class)).as("no shadow table left").isEmpty();
        for (String bounded : List.of("purchase-order-view", "reconciliation-view")) {
            assertThat(done.get(bounded).path("statesSpilled").asLong()).as(bounded + " spilled").isPositive();
            assertThat(done.get(bounded).path("statesReadBack").asLong()).as(bounded + " read back").isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_rebuild_spill", Long.class))
                .as("the switch read every spilled state back and deleted them").isZero();
        assertThat(done.values()).extracting(progress -> progress.path("eventsProcessed").asLong())
                .as("one pass: every projection saw the same events").containsOnly(
                        done.get("purchase-order-view").path("eventsProcessed").asLong());
        assertThat(new EventTable(jdbc).totalEvents()).as("a rebuild appends no event").isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trace_step_rebuild", Long.class))
                .as("the trace rows written beside the live table during the rebuild were moved in by the switch")
                .isZero();
        assertThat(traceTableOid()).as("the rebuilt trace table took trace_step's place").isNotEqualTo(liveTrace);
        // The rebuilt trace table was renamed into trace_step's place: it must be durable and carry the live
        // table's key and indexes under their own names, and a fresh unlogged table without any index (the next
        // rebuild copies its rows in first and builds the key and indexes afterwards) must wait for the next rebuild.
        assertThat(jdbc.queryForList("SELECT relname || ':' || relpersistence::text FROM pg_class WHERE relname IN "
                + "('trace_step', 'trace_step_rebuild') ORDER BY relname", String.class))
                .containsExactly("trace_step:p", "trace_step_rebuild:u");
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'trace_step'", String.class))
                .containsExactlyInAnyOrder("trace_step_pk", "trace_step_key_idx", "trace_step_correlation_idx",
                        "trace_step_related_idx");
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'trace_step_rebuild'",
                String.class)).isEmpty();
        // The restarted processors write into the swapped-in tables.
        String after = newPurchaseOrderId();
        post(after, "issue", PROCUREMENT_KEY, issue("US01", "USD"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM purchase_order_view WHERE purchase_order_id = ?", Long.class, after) == 1
                && jdbc.queryForObject("SELECT count(*) FROM reconciliation_document WHERE document_id = ?",
                Long.class, after) == 1);
    }

    /** The table's indexes, each as its name and definition with the table's name taken out. */
    private List<String> indexes(String table) {
        return jdbc.queryForList("SELECT indexname || ' ' || replace(indexdef, indexname, '') FROM pg_indexes "
                + "WHERE tablename = ? ORDER BY indexname", String.class, table);
    }

    private long oid(String table) {
        return jdbc.queryForObject("SELECT to_regclass(?)::oid::bigint", Long.class, table);
    }

    private long traceTableOid() {
        return jdbc.queryForObject("SELECT 'trace_step'::regclass::oid::bigint", Long.class);
    }

    private String checksum(String projection) {
        return api.get("/api/v1/audit/projections/" + projection + "/checksum", ADMIN_KEY).body()
                .path("checksum").asText();
    }

    @Test
    void showsRebuildProgressAsMetrics() {
        post(newPurchaseOrderId(), "issue", PROCUREMENT_KEY, issue("CA01", "CAD"));
        api.post(REBUILD, ADMIN_KEY, "");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(REBUILD, ADMIN_KEY).body()
                .path("state").asText().equals("COMPLETED"));

        Response percent = api.get("/actuator/metrics/ledger.projection.rebuild.percent?tag=projection:"
                + "purchase-order-view", ADMIN_KEY);
        Response processed = api.get("/actuator/metrics/ledger.projection.rebuild.events.processed", ADMIN_KEY);

        assertThat(percent.body().path("measurements").get(0).path("value").asDouble()).isEqualTo(100.0);
        assertThat(processed.body().path("measurements").get(0).path("value").asDouble()).isPositive();
    }

    @Test
    void answersNotFoundForAnUnknownProjection() {
        Response unknown = api.post("/api/v1/audit/projections/no-such-view/rebuild", ADMIN_KEY, "");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("projection-not-found");
    }

    @Test
    void rebuildingAndFollowingARebuildNeedTheAdminRole() {
        for (String key : List.of(REPORTING_KEY, PROCUREMENT_KEY, AUDITOR_KEY)) {
            for (String path : List.of("purchase-order-view/rebuild", "rebuild")) {
                Response refused = api.post("/api/v1/audit/projections/" + path, key, "");
                assertThat(refused.status()).as(path + " with " + key).isEqualTo(403);
                assertThat(refused.contentType()).isEqualTo("application/problem+json");
                assertThat(refused.code()).isEqualTo("admin-required");
            }
            assertThat(api.get("/api/v1/audit/projections/purchase-order-view/checksum", key).code())
                    .isEqualTo("admin-required");
        }
        assertThat(api.get("/api/v1/audit/projections/purchase-order-view/checksum", ADMIN_KEY).status())
                .isEqualTo(200);
    }

    private boolean viewCaughtUp() {
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'org.integrationledger.model.purchaseorder.%'", Long.class);
        long applied = jdbc.queryForObject("SELECT coalesce(sum(event_count), 0) FROM purchase_order_view", Long.class);
        return stored == applied;
    }

    private void post(String order, String action, String key, Object body) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

}
