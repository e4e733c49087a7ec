package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestClock;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.query.sla.SlaBreachWebhook;
import org.integrationledger.query.sla.SlaEvaluator;
import org.integrationledger.query.sla.SlaSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** A breach is published to the webhook, retried with backoff while the receiver fails, and given up visibly. */
class SlaWebhookIntegrationTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private SlaEvaluator evaluator;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private CommandGateway commands;

    private HttpServer receiver;
    private final Map<String, List<String>> idempotencyKeys = new ConcurrentHashMap<>();
    private final Set<String> alwaysFailing = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/breaches", exchange -> {
            JsonNode breach = JSON.readTree(exchange.getRequestBody());
            String document = breach.path("documentId").asText();
            List<String> keys = idempotencyKeys.computeIfAbsent(document, d -> new CopyOnWriteArrayList<>());
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            int status = alwaysFailing.contains(document) ? 500
                    : keys.size() <= failFirst.getOrDefault(document, 0) ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        clock.reset();
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAcceptsAndGivesUpVisiblyAfterMaxAttempts() {
        String rule = "test-webhook-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat((Boolean) commands.sendAndWait(new DefineSlaRule(
                SlaIntegrationTest.testRule(rule, Duration.ofMinutes(30)), clock.instant()))).isTrue();
        SlaFixture sla = new SlaFixture(api);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/slas/rules/" + rule, REPORTING_KEY).status() == 200);
        String recovering = newPurchaseOrderId();
        String broken = newPurchaseOrderId();
        failFirst.put(recovering, 2);
        alwaysFailing.add(broken);
        Instant approved = clock.instant().minus(31, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        sla.approve(recovering, "US01", approved);
        sla.approve(broken, "GB01", approved);
        sla.awaitClock(recovering, rule, "RUNNING");
        sla.awaitClock(broken, rule, "RUNNING");
        assertThat(evaluator.evaluate().notified()).contains(new SlaEvaluator.ClockRef(rule, recovering, "-"),
                new SlaEvaluator.ClockRef(rule, broken, "-"));

        SlaBreachWebhook webhook = new SlaBreachWebhook(jdbc, transactions, clock, new SlaSettings.Webhook(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/breaches"), 3,
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(1), List.of(rule)));

        assertThat(webhook.sendDue()).isEqualTo(new SlaBreachWebhook.Delivery(0, 2, 0));
        JsonNode pending = notification(rule, recovering);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("attempts").asInt()).isEqualTo(1);
        assertThat(pending.path("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(webhook.sendDue()).as("nothing is due before the backoff has passed")
                .isEqualTo(new SlaBreachWebhook.Delivery(0, 0, 0));

        clock.advance(Duration.ofSeconds(1));
        assertThat(webhook.sendDue()).isEqualTo(new SlaBreachWebhook.Delivery(0, 2, 0));
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhook.sendDue()).as("the backoff doubled").isEqualTo(new SlaBreachWebhook.Delivery(0, 0, 0));
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhook.sendDue()).isEqualTo(new SlaBreachWebhook.Delivery(1, 1, 1));

        JsonNode sent = notification(rule, recovering);
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        assertThat(sent.path("attempts").asInt()).isEqualTo(3);
        JsonNode failed = notification(rule, broken);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(api.get("/api/v1/slas/notifications?status=FAILED&rule=" + rule, REPORTING_KEY).body()
                .findValuesAsText("documentId")).containsExactly(broken);

        clock.advance(Duration.ofHours(1));
        assertThat(webhook.sendDue()).as("sent and failed ones are done").isEqualTo(new SlaBreachWebhook.Delivery(0, 0, 0));
        assertThat(idempotencyKeys.get(recovering)).hasSize(3).containsOnly(idempotencyKeys.get(recovering).get(0));
        assertThat(idempotencyKeys.get(broken)).hasSize(3);
    }

    private JsonNode notification(String rule, String document) {
        for (JsonNode notification : api.get("/api/v1/slas/notifications?rule=" + rule, REPORTING_KEY).body()) {
            if (notification.path("documentId").asText().equals(document)) {
                return notification;
            }
        }
        throw new AssertionError("no notification for " + document);
    }
}
