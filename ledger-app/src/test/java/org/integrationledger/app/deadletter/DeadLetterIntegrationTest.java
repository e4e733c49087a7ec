package org.integrationledger.app.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.sla.SlaSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;

/**
 * A purchase order whose events fail in the purchase-order view is parked there, by document, while other orders
 * of the same segment keep flowing; it is listed by business key, health is not UP, and after the fix an admin's
 * retry applies its events exactly once.
 */
class DeadLetterIntegrationTest extends LedgerIntegrationTest {

    private static final String PROCESSOR = "purchase-order-view";
    private static final String DEAD_LETTERS = "/api/v1/operations/dead-letters";

    @Autowired
    private PurchaseOrderViewFault fault;
    @Autowired
    private ParkedCounts counts;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private Clock clock;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> broken = new ArrayList<>();

    @AfterEach
    void evictWhatATestLeftParked() {
        broken.forEach(fault::fix);
        broken.forEach(order -> api.delete(DEAD_LETTERS + "/" + PROCESSOR + "/" + order, ADMIN_KEY));
    }

    @Test
    void parksAnOrderWhoseHandlerFailsWhileOthersFlowAndAppliesItOnceWhenRetriedAfterTheFix() {
        String poisoned = breakOrder(PurchaseOrderViewFault.Kind.THROW_IN_HANDLER);
        approveAndIssue(poisoned);
        String other = orderInTheSameSegmentAs(poisoned);
        approveAndIssue(other);

        awaitEventCount(other, 2);
        JsonNode parked = awaitParked(poisoned, 2);
        assertThat(parked.path("documentId").asText()).isEqualTo(poisoned);
        assertThat(parked.path("documentType").asText()).isEqualTo("PurchaseOrder");
        assertThat(parked.path("eventType").asText()).isEqualTo("RequisitionApproved");
        assertThat(parked.path("documentSequence").asLong()).isZero();
        assertThat(parked.path("globalPosition").asLong()).isPositive();
        assertThat(parked.path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(parked.path("causeMessage").asText()).isEqualTo("test fault for " + poisoned);
        assertThat(parked.path("enqueuedAt").asText()).isNotBlank();
        assertThat(api.get("/api/v1/purchase-orders/" + poisoned, REPORTING_KEY).status())
                .as("nothing of a parked event reaches the view").isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + poisoned, REPORTING_KEY).body().path("parkedIn")
                        .toString()).as("the reconciliation answer says which view is not current")
                .isEqualTo("[\"purchase-order-view\"]"));

        counts.refresh();
        LedgerApi.Response health = api.get("/actuator/health", ADMIN_KEY);
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        JsonNode processors = health.body().path("components").path("eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(processors.path("details").path("processors").path(PROCESSOR).path("parkedEvents").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(api.getText("/actuator/prometheus", ADMIN_KEY, "text/plain").body())
                .containsPattern("ledger_dead_letters\\{kind=\"letters\",processor=\"purchase-order-view\"} [2-9]")
                .containsPattern("ledger_dead_letters\\{kind=\"sequences\",processor=\"purchase-order-view\"} [1-9]");

        String retry = DEAD_LETTERS + "/" + PROCESSOR + "/" + poisoned + "/retry";
        assertThat(api.post(retry, REPORTING_KEY, "{}").code()).isEqualTo("admin-required");
        assertThat(api.post(retry, REPORTING_KEY, "{}").status()).isEqualTo(403);
        LedgerApi.Response stillBroken = api.post(retry, ADMIN_KEY, "{}");
        assertThat(stillBroken.status()).as(stillBroken.toString()).isEqualTo(409);
        assertThat(stillBroken.code()).isEqualTo("dead-letter-retry-failed");
        assertThat(parkedEntry(poisoned)).hasValueSatisfying(entry -> assertThat(entry.path("letters").asInt()).isEqualTo(2));

        fault.fix(poisoned);
        long emptiedBefore = counts.emptiedGeneration(PROCESSOR);
        LedgerApi.Response retried = api.post(retry, ADMIN_KEY, "{}");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(counts.emptiedGeneration(PROCESSOR))
                .as("an emptied queue is signalled, so the processor drops its parked-document caches")
                .isGreaterThan(emptiedBefore);
        assertThat(retried.body().path("applied").asInt()).isEqualTo(2);
        JsonNode view = api.get("/api/v1/purchase-orders/" + poisoned, REPORTING_KEY).body();
        assertThat(view.path("eventCount").asLong()).as("each parked event applied exactly once").isEqualTo(2);
        assertThat(parkedEntry(poisoned)).isEmpty();
        assertThat(api.post(retry, ADMIN_KEY, "{}").code()).isEqualTo("dead-letter-not-found");
        assertThat(api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + poisoned, REPORTING_KEY).body()
                .path("parkedIn").size()).isZero();

        assertThat(api.post("/api/v1/purchase-orders/" + poisoned + "/erp-postings", ERP_NA_KEY,
                erpPosting("ERP_NA", 1, "4500000001")).status()).isEqualTo(200);
        awaitEventCount(poisoned, 3);
        counts.refresh();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/actuator/health", null)
                .body().path("components").path("eventProcessors").path("status").asText()).isEqualTo("UP"));
    }

    @Test
    void parksAnOrderWhoseBatchFailsAtCommitAndAppliesTheRestOfTheBatchOnce() {
        String poisoned = breakOrder(PurchaseOrderViewFault.Kind.SQL_ERROR_AT_COMMIT);
        List<String> others = List.of(orderInTheSameSegmentAs(poisoned), orderInTheSameSegmentAs(poisoned),
                orderInTheSameSegmentAs(poisoned));
        StreamingEventProcessor processor = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        // Stopped while the orders arrive, so their events reach the view in one batch with the failing one.
        processor.shutDown();
        try {
            approveAndIssue(others.get(0));
            approveAndIssue(poisoned);
            others.subList(1, others.size()).forEach(this::approveAndIssue);
        } finally {
            processor.start();
        }

        others.forEach(order -> awaitEventCount(order, 2));
        JsonNode parked = awaitParked(poisoned, 2);
        assertThat(parked.path("eventType").asText()).isEqualTo("RequisitionApproved");
        assertThat(parked.path("causeMessage").asText()).contains("division by zero");
        assertThat(api.get("/api/v1/purchase-orders/" + poisoned, REPORTING_KEY).status()).isEqualTo(404);
        others.forEach(order -> assertThat(api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY).body()
                .path("eventCount").asLong()).as("applied exactly once: " + order).isEqualTo(2));

        fault.fix(poisoned);
        LedgerApi.Response retried = api.post(DEAD_LETTERS + "/" + PROCESSOR + "/" + poisoned + "/retry", ADMIN_KEY,
                "{}");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/purchase-orders/" + poisoned, REPORTING_KEY).body().path("eventCount").asLong())
                .isEqualTo(2);
    }

    @Test
    void aSegmentRetryingAFailureOfTheMomentIsDownNotParkedAndRecovers() {
        String stuck = breakOrder(PurchaseOrderViewFault.Kind.TRANSIENT);
        approveAndIssue(stuck);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            LedgerApi.Response health = api.get("/actuator/health", ADMIN_KEY);
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            JsonNode processor = health.body().path("components").path("eventProcessors");
            assertThat(processor.path("status").asText()).isEqualTo("DOWN");
            assertThat(processor.path("details").path("processors").path(PROCESSOR).path("stalledSegments")
                    .path(0).path("cause").asText()).contains("briefly away");
        });
        assertThat(parkedEntry(stuck)).as("a failure of the moment is retried, not parked").isEmpty();

        fault.fix(stuck);
        awaitEventCount(stuck, 2);
        assertThat(parkedEntry(stuck)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/actuator/health", null)
                .body().path("components").path("eventProcessors").path("status").asText()).isEqualTo("UP"));
    }

    /**
     * The happy path's cost: while nothing is parked, the processors answer "is this document parked?" from memory.
     * Counted as PostgreSQL's scans of {@code dead_letter_entry} (statistics a backend publishes within about 10 s
     * of its transactions, so the test waits that long before each reading).
     */
    @Test
    void whileNothingIsParkedTheProcessorsAskTheQueueNothingPerEvent() {
        counts.refresh();
        List.of(PROCESSOR, "reconciliation-view", "trace-view", "sla-clocks").forEach(this::awaitCaughtUp);
        long before = queueScansAfterStatisticsSettle();
        int orders = 10;
        for (int i = 0; i < orders; i++) {
            approveAndIssue(newPurchaseOrderId());
        }
        List.of(PROCESSOR, "reconciliation-view", "trace-view", "sla-clocks").forEach(this::awaitCaughtUp);
        long scans = queueScansAfterStatisticsSettle() - before;
        // 2 events x 10 orders x 4 processors: 80 questions, 80 scans without the cache. With it, a segment's cache
        // built (first event after a claim, or after ParkedCacheReset) asks once: at most twice for each of the 7.
        assertThat(scans).as("scans of dead_letter_entry for %d events handled by 4 processors", 2 * orders * 4)
                .isLessThanOrEqualTo(14);
    }

    private long queueScansAfterStatisticsSettle() {
        String scans = "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
                + " WHERE relname = 'dead_letter_entry'";
        await().pollDelay(Duration.ofSeconds(11)).atMost(Duration.ofSeconds(12)).until(() -> true);
        return jdbc.queryForObject(scans, Long.class);
    }

    @Test
    void announcesAParkedDocumentOnceOnTheWebhook() throws IOException {
        String poisoned = breakOrder(PurchaseOrderViewFault.Kind.THROW_IN_HANDLER);
        approveAndIssue(poisoned);
        awaitParked(poisoned, 2);

        List<JsonNode> received = new CopyOnWriteArrayList<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody()));
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            ParkedDocumentWebhook webhook = new ParkedDocumentWebhook(jdbc, transactions, clock,
                    new SlaSettings.Webhook(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                            3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5), null, null));
            assertThat(webhook.sendDue()).isPositive();
        } finally {
            receiver.stop(0);
        }
        List<JsonNode> mine = received.stream().filter(n -> n.path("documentId").asText().equals(poisoned)).toList();
        assertThat(mine).as("one announcement per parked document, not per parked event").hasSize(1);
        JsonNode announcement = mine.get(0);
        assertThat(announcement.path("type").asText()).isEqualTo("document-parked");
        assertThat(announcement.path("processor").asText()).isEqualTo(PROCESSOR);
        assertThat(announcement.path("documentType").asText()).isEqualTo("PurchaseOrder");
        assertThat(announcement.path("eventType").asText()).isEqualTo("RequisitionApproved");
        assertThat(announcement.path("cause").asText()).contains("test fault for " + poisoned);
        assertThat(keys).allMatch(key -> key.startsWith("document-parked-"));
    }

    @Test
    void evictingNeedsTheAdminKeyAndDropsTheParkedEvents() {
        String poisoned = breakOrder(PurchaseOrderViewFault.Kind.THROW_IN_HANDLER);
        approveAndIssue(poisoned);
        awaitParked(poisoned, 2);

        String evict = DEAD_LETTERS + "/" + PROCESSOR + "/" + poisoned;
        LedgerApi.Response denied = api.delete(evict, PROCUREMENT_KEY);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("admin-required");
        assertThat(parkedEntry(poisoned)).isPresent();

        LedgerApi.Response evicted = api.delete(evict, ADMIN_KEY);
        assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
        assertThat(evicted.body().path("evicted").asInt()).isEqualTo(2);
        assertThat(parkedEntry(poisoned)).isEmpty();
        assertThat(api.delete(evict, ADMIN_KEY).code()).isEqualTo("dead-letter-not-found");
        assertThat(api.get("/api/v1/purchase-orders/" + poisoned, REPORTING_KEY).status()).isEqualTo(404);
    }

    private String breakOrder(PurchaseOrderViewFault.Kind kind) {
        String order = newPurchaseOrderId();
        fault.breakOrder(order, kind);
        broken.add(order);
        return order;
    }

    /** An order the view's sequencing policy puts in the same of its two segments as {@code order}. */
    private static String orderInTheSameSegmentAs(String order) {
        while (true) {
            String candidate = newPurchaseOrderId();
            if ((candidate.hashCode() & 1) == (order.hashCode() & 1)) {
                return candidate;
            }
        }
    }

    private void approveAndIssue(String order) {
        String base = "/api/v1/purchase-orders/" + order;
        assertThat(api.post(base + "/requisition-approval", PROCUREMENT_KEY, requisitionApproval("US01")).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/issue", PROCUREMENT_KEY, issue("US01", "USD")).status()).isEqualTo(200);
    }

    private void awaitEventCount(String order, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            LedgerApi.Response view = api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY);
            return view.status() == 200 && view.body().path("eventCount").asLong() == count;
        });
    }

    private JsonNode awaitParked(String order, int letters) {
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedEntry(order)
                .map(entry -> entry.path("letters").asInt() == letters).orElse(false));
        return parkedEntry(order).orElseThrow();
    }

    private Optional<JsonNode> parkedEntry(String order) {
        LedgerApi.Response list = api.get(DEAD_LETTERS + "?processor=" + PROCESSOR, REPORTING_KEY);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return StreamSupport.stream(list.body().path("documents").spliterator(), false)
                .filter(entry -> entry.path("documentId").asText().equals(order)).findFirst();
    }
}
