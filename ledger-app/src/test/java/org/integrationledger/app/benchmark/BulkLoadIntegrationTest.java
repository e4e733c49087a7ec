package org.integrationledger.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.eventchain.EventChainVerifier;
import org.integrationledger.app.eventchain.VerificationReport;
import org.integrationledger.app.eventchain.VerificationScope;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.closure;

/** The benchmark bulk loader, enabled: what it appends, that the chain and projections accept it, what it refuses. */
@TestPropertySource(properties = "ledger.benchmark.bulk-load.enabled=true")
class BulkLoadIntegrationTest extends LedgerIntegrationTest {

    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final List<String> PROJECTIONS = List.of("purchase-order-view", "supplier-view",
            "reconciliation-view", "trace-view", "invoice-view", "sla-clocks");

    @Autowired
    private EventChainVerifier verifier;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void appendsValidDocumentsThatTheChainAndEveryProjectionAccept() {
        String runId = newRunId();
        long before = events.totalEvents();

        Response load = api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 60, "seed", 7, "runId", runId, "batchEvents", 50));

        assertThat(load.status()).as(load.toString()).isEqualTo(200);
        JsonNode result = load.body();
        long appended = result.get("events").asLong();
        assertThat(result.get("documents").asLong()).isEqualTo(60);
        assertThat(result.get("suppliers").asLong()).isEqualTo(6);
        assertThat(result.get("purchaseOrders").asLong()).isEqualTo(54);
        // A few events per document, in several transactions of about 50 events.
        assertThat(appended).isBetween(54L * 2 + 12, 54L * 5 + 12);
        assertThat(result.get("transactions").asLong()).isGreaterThan(2);
        assertThat(events.totalEvents() - before).isEqualTo(appended);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                + "OR aggregate_identifier LIKE ?", Long.class, "supplier:" + runId + "-%", "purchase-order:" + runId
                + "-%")).isEqualTo(appended);

        String supplier = runId + "-SUP-0";
        String order = runId + "-PO-1";
        assertThat(events.eventTypes(supplier)).containsExactly("SupplierRequested", "SupplierRequestApproved");
        assertThat(events.eventTypes(order)).contains("PurchaseOrderIssued");
        assertThat(events.metaData(order, 0)).contains("\"connectorId\":\"procurement-connector\"",
                "\"messageId\":", "\"correlationId\":", "\"causationId\":", "\"reportingSystem\":\"PROCUREMENT\"");

        VerificationReport chain = verifier.verify(new VerificationScope(null,
                result.get("firstGlobalIndex").asLong(), result.get("lastGlobalIndex").asLong()));
        assertThat(chain.intact()).as(chain.toString()).isTrue();
        assertThat(chain.eventsChecked()).isEqualTo(appended);

        PROJECTIONS.forEach(this::awaitCaughtUp);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/benchmark/projections", REPORTING_KEY).body().get("caughtUp").asBoolean());
        assertThat(api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/suppliers/" + supplier, REPORTING_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + order, REPORTING_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/trace/" + order, REPORTING_KEY).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM purchase_order_view WHERE purchase_order_id LIKE ?",
                Long.class, runId + "-PO-%")).isEqualTo(54);
    }

    @Test
    void loadedOrdersTakeFurtherConnectorCommandsAsIfTheyHadBeenRecordedOneByOne() {
        String runId = newRunId();
        assertThat(api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 30, "seed", 3, "runId", runId)).status()).isEqualTo(200);
        String open = jdbc.queryForList("SELECT ledger_chain_document_id(aggregate_identifier, type) "
                + "FROM domain_event_entry WHERE aggregate_identifier LIKE ? GROUP BY aggregate_identifier, type "
                + "HAVING bool_and(payload_type NOT LIKE '%PurchaseOrderClosed') "
                + "ORDER BY aggregate_identifier LIMIT 1", String.class, "purchase-order:" + runId + "-PO-%").get(0);
        int recorded = events.eventCount(open);

        Response closed = api.post("/api/v1/purchase-orders/" + open + "/closure", PROCUREMENT_KEY, closure());

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        // The aggregate was sourced from the loaded events and appended the next sequence number.
        assertThat(events.eventCount(open)).isEqualTo(recorded + 1);
        assertThat(events.eventTypes(open)).last().isEqualTo("PurchaseOrderClosed");
    }

    @Test
    void pausesTheProjectionsForTheLoadAndStartsThemAgain() {
        String runId = newRunId();

        Response load = api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 20, "runId", runId, "pauseProjections", true));

        assertThat(load.status()).as(load.toString()).isEqualTo(200);
        assertThat(processing.eventProcessors().values()).filteredOn(StreamingEventProcessor.class::isInstance)
                .isNotEmpty().allMatch(EventProcessor::isRunning);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/benchmark/projections", REPORTING_KEY).body().get("caughtUp").asBoolean());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM purchase_order_view WHERE purchase_order_id LIKE ?",
                Long.class, runId + "-PO-%")).isEqualTo(18);
    }

    /**
     * With {@code rebuildProjections} the rebuildable views are rebuilt in one pass before the answer: the loaded
     * orders are in the purchase-order view the moment the load returns, with no catch-up to wait for.
     */
    @Test
    void rebuildsTheProjectionsBeforeAnsweringWhenAsked() {
        String runId = newRunId();

        Response load = api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 40, "seed", 5, "runId", runId, "rebuildProjections", true));

        assertThat(load.status()).as(load.toString()).isEqualTo(200);
        JsonNode rebuilds = load.body().path("rebuilds");
        // Every rebuildable projection: the five views and the accrual facts.
        assertThat(rebuilds).as(load.toString()).hasSize(6);
        rebuilds.forEach(rebuild -> assertThat(rebuild.path("state").asText()).as(rebuild.toString())
                .isEqualTo("COMPLETED"));
        assertThat(rebuilds.get(0).path("targetIndex").asLong())
                .isGreaterThanOrEqualTo(load.body().path("lastGlobalIndex").asLong());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM purchase_order_view WHERE purchase_order_id LIKE ?",
                Long.class, runId + "-PO-%")).isEqualTo(36);
        assertThat(processing.eventProcessors().values()).filteredOn(StreamingEventProcessor.class::isInstance)
                .isNotEmpty().allMatch(EventProcessor::isRunning);
    }

    /**
     * A paused load is caught up in batches of a hundred events that hold several events of each document, which
     * the reconciliation and purchase-order views load once and write once per batch, and the trace view inserts
     * together. What they wrote must be what a rebuild computes event by event from the same store.
     */
    @Test
    void catchesUpAPausedLoadInBatchesToTheViewsARebuildComputes() {
        String runId = newRunId();
        assertThat(api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 150, "seed", 11, "runId", runId, "pauseProjections", true)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/benchmark/projections", REPORTING_KEY).body().get("caughtUp").asBoolean());
        List<String> rebuilt = List.of("purchase-order-view", "reconciliation-view", "trace-view");
        Map<String, String> live = new HashMap<>();
        rebuilt.forEach(name -> live.put(name, checksum(name)));
        JsonNode liveCounts = api.get("/api/v1/reconciliation/counts", REPORTING_KEY).body();
        assertThat(liveCounts.path("divergences").asLong()).as("the load leaves divergences to count").isPositive();

        assertThat(api.post("/api/v1/audit/projections/rebuild", ADMIN_KEY, "").status()).isEqualTo(202);

        for (String name : rebuilt) {
            JsonNode progress = await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("/api/v1/audit/projections/" + name + "/rebuild", ADMIN_KEY).body(),
                            p -> !p.path("state").asText().matches("RUNNING|SWITCHING"));
            assertThat(progress.path("state").asText()).as(name + " " + progress).isEqualTo("COMPLETED");
            assertThat(progress.path("checksum").asText()).as(name + ": rebuilt = caught up").isEqualTo(live.get(name));
        }
        assertThat(api.get("/api/v1/reconciliation/counts", REPORTING_KEY).body())
                .as("counts kept batch by batch = counts recomputed by the rebuild").isEqualTo(liveCounts);
    }

    private String checksum(String projection) {
        return api.get("/api/v1/audit/projections/" + projection + "/checksum", ADMIN_KEY).body()
                .path("checksum").asText();
    }

    @Test
    void refusesAnInvalidRequestOrANonAdminWithProblemJsonAndWritesNothing() {
        long before = events.totalEvents();

        Response none = api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY, Map.of("documents", 0, "runId", "X1"));
        Response badRunId = api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 5, "runId", "no spaces"));
        Response notAdmin = api.post("/api/v1/benchmark/bulk-load", REPORTING_KEY,
                Map.of("documents", 5, "runId", newRunId()));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.code()).isEqualTo("validation-failed");
        assertThat(badRunId.status()).isEqualTo(400);
        assertThat(badRunId.code()).isEqualTo("validation-failed");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.code()).isEqualTo("admin-required");
        assertThat(events.totalEvents()).isEqualTo(before);
    }

    @Test
    void refusesARunIdAlreadyLoadedAndWritesNothing() {
        String runId = newRunId();
        assertThat(api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 3, "runId", runId)).status()).isEqualTo(200);
        long before = events.totalEvents();

        Response again = api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY, Map.of("documents", 3, "runId", runId));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.code()).isEqualTo("bulk-load-run-exists");
        assertThat(events.totalEvents()).isEqualTo(before);
    }

    @Test
    void needsAnApiKey() {
        long before = events.totalEvents();

        Response anonymous = api.post("/api/v1/benchmark/bulk-load", null, Map.of("documents", 3, "runId", newRunId()));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthenticated");
        assertThat(events.totalEvents()).isEqualTo(before);
    }

    private static String newRunId() {
        return "BLT" + RUNS.incrementAndGet();
    }
}
