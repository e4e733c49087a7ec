package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.integrationledger.app.eventchain.EventChainVerifier;
import org.integrationledger.app.eventchain.VerificationScope;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.shared.DocumentKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.closure;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * Events stored under revision 1 of {@code PurchaseOrderClosed} (real rows, captured from the ledger before
 * revision 2, in src/test/resources/fixtures) are read through the upcaster by the projection, a rebuild of
 * the view, the aggregate and the event store.
 */
class PurchaseOrderClosedUpcastingIntegrationTest extends LedgerIntegrationTest {

    private static final String FIXTURE = "/fixtures/purchase-order-closed-revision-1.jsonl";
    private static final String FIXTURE_ORDER = "PO-2026-0815";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EventChainVerifier verifier;

    @Test
    void rebuildsTheViewFromEventsStoredUnderTheOldRevision() throws IOException {
        String order = newPurchaseOrderId();
        storeFixtureRowsAs(order);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventCountInView(order) == 4);
        Response live = api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY);

        StreamingEventProcessor processor = processing
                .eventProcessor("purchase-order-view", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying() && eventCountInView(order) == 4);

        Response rebuilt = api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY);
        assertThat(rebuilt.body()).isEqualTo(live.body());
        assertThat(rebuilt.body().path("procurementStatus").asText()).isEqualTo("CLOSED");
        assertThat(rebuilt.body().path("erpDocumentNumber").asText()).isEqualTo("4500000815");
    }

    @Test
    void readsARevisionOneClosureAsCompletedEverywhere() throws IOException {
        String order = newPurchaseOrderId();
        storeFixtureRowsAs(order);

        Object last = eventStore.readEvents(DocumentKind.PURCHASE_ORDER.key(order)).asStream().reduce((a, b) -> b)
                .orElseThrow().getPayload();
        Response closedAgain = api.post("/api/v1/purchase-orders/" + order + "/closure", PROCUREMENT_KEY, closure());
        JsonNode history = api.get("/api/v1/audit/documents/" + order + "/history", AUDITOR_KEY).body();

        assertThat(last).isEqualTo(new PurchaseOrderClosed(((PurchaseOrderClosed) last).purchaseOrderId(),
                ClosureReason.COMPLETED, ((PurchaseOrderClosed) last).reportingSystem(),
                ((PurchaseOrderClosed) last).occurredAt()));
        assertThat(closedAgain.code()).as("the aggregate was rebuilt from the upcast event")
                .isEqualTo("purchase-order-closed");
        assertThat(history.path("events").get(3).path("revision").asText()).as("history shows what is stored")
                .isEqualTo("1");
        assertThat(verifier.verify(VerificationScope.aggregate(DocumentKind.PURCHASE_ORDER.key(order))).intact())
                .isTrue();
    }

    @Test
    void recordsNewClosuresUnderRevisionTwoWithTheirReason() {
        String order = newPurchaseOrderId();
        api.post("/api/v1/purchase-orders/" + order + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        Map<String, Object> shortClose = closure();
        shortClose.put("reason", "SHORT_CLOSED");
        assertThat(api.post("/api/v1/purchase-orders/" + order + "/closure", PROCUREMENT_KEY, shortClose).status())
                .isEqualTo(200);

        JsonNode closed = api.get("/api/v1/audit/documents/" + order + "/history", AUDITOR_KEY).body()
                .path("events").get(1);
        assertThat(closed.path("revision").asText()).isEqualTo("2");
        assertThat(closed.path("payload").path("reason").asText()).isEqualTo("SHORT_CLOSED");
    }

    /** Inserts the captured rows under a new order id and new event ids, chained as the ledger would chain them. */
    private void storeFixtureRowsAs(String order) throws IOException {
        List<JsonNode> rows;
        try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
            ObjectMapper json = new ObjectMapper();
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> read(json, line)).toList();
        }
        String key = DocumentKind.PURCHASE_ORDER.key(order);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // As every append does: take the transaction id before drawing global indexes (the gap rule).
            jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class);
            for (JsonNode row : rows) {
                long sequence = row.path("sequence_number").asLong();
                String eventId = UUID.randomUUID().toString();
                byte[] payload = row.path("payload").asText().replace(FIXTURE_ORDER, order)
                        .getBytes(StandardCharsets.UTF_8);
                byte[] metaData = row.path("meta_data").asText().getBytes(StandardCharsets.UTF_8);
                jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, "
                                + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, "
                                + "event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ledger_event_hash(coalesce((SELECT "
                                + "event_hash FROM domain_event_entry WHERE aggregate_identifier = ? AND "
                                + "sequence_number = ?), decode(repeat('00', 32), 'hex')), ?, ?, ?, ?, ?, ?, ?, ?, ?))",
                        key, sequence, row.path("type").asText(), eventId, row.path("time_stamp").asText(),
                        row.path("payload_type").asText(), row.path("payload_revision").asText(), payload, metaData,
                        key, sequence - 1, key, sequence, row.path("type").asText(), eventId,
                        row.path("time_stamp").asText(), row.path("payload_type").asText(),
                        row.path("payload_revision").asText(), payload, metaData);
            }
        });
    }

    private long eventCountInView(String order) {
        return jdbc.queryForList("SELECT event_count FROM purchase_order_view WHERE purchase_order_id = ?",
                Long.class, order).stream().findFirst().orElse(0L);
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("fixture line is not JSON: " + line, e);
        }
    }
}
