package org.integrationledger.app.throttling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integrationledger.app.IntegrationLedgerApplication;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestDatabase;
import org.integrationledger.app.support.ThrottledConnectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.ThrottledConnectors.FLOODING;
import static org.integrationledger.app.support.ThrottledConnectors.FLOODING_BURST;
import static org.integrationledger.app.support.ThrottledConnectors.FLOODING_KEY;
import static org.integrationledger.app.support.ThrottledConnectors.FLOODING_PER_SECOND;
import static org.integrationledger.app.support.ThrottledConnectors.SHARED;
import static org.integrationledger.app.support.ThrottledConnectors.SHARED_BURST;
import static org.integrationledger.app.support.ThrottledConnectors.SHARED_KEY;
import static org.integrationledger.app.support.ThrottledConnectors.SHARED_PER_SECOND;

/**
 * Each principal draws from its own bucket in PostgreSQL: a flooding connector is refused with 429 and nothing
 * written while another keeps its rate, and two ledger nodes on one database draw from one bucket.
 */
class ThrottlingIntegrationTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLOOD_THREADS = 8;
    private static final int FLOOD_REQUESTS_PER_THREAD = 10;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void refusesAFloodingConnectorWithRetryAfterAndWritesNothingWhileAnotherKeepsItsRate() throws Exception {
        String base = "http://localhost:" + port;
        List<Issued> flood = Collections.synchronizedList(new ArrayList<>());
        List<Issued> steady = new ArrayList<>();

        long started = System.nanoTime();
        ExecutorService flooders = Executors.newFixedThreadPool(FLOOD_THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < FLOOD_THREADS; t++) {
                running.add(flooders.submit(() -> {
                    for (int i = 0; i < FLOOD_REQUESTS_PER_THREAD; i++) {
                        flood.add(issueOrder(base, FLOODING_KEY));
                    }
                }));
            }
            // Meanwhile another connector sends at its usual pace.
            for (int i = 0; i < 10; i++) {
                steady.add(issueOrder(base, PROCUREMENT_KEY));
            }
            for (Future<?> flooder : running) {
                flooder.get();
            }
        } finally {
            flooders.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(steady).extracting(Issued::status).containsOnly(200);
        assertThat(flood).extracting(Issued::status).containsOnly(200, 429);
        long accepted = flood.stream().filter(issued -> issued.status() == 200).count();
        // The burst, plus what refilled while the flood lasted (and one for a refill in flight).
        assertThat(accepted).as("accepted of %d in %.1f s", flood.size(), seconds)
                .isGreaterThanOrEqualTo(FLOODING_BURST)
                .isLessThanOrEqualTo(FLOODING_BURST + (long) Math.ceil(seconds * FLOODING_PER_SECOND) + 1);
        List<Issued> refused = flood.stream().filter(issued -> issued.status() == 429).toList();
        assertThat(refused).isNotEmpty();
        for (Issued issued : refused) {
            assertThat(issued.contentType()).isEqualTo("application/problem+json");
            assertThat(issued.body().path("code").asText()).isEqualTo("rate-limited");
            assertThat(issued.body().path("status").asInt()).isEqualTo(429);
            // One request refills within 1/rate seconds, rounded up to whole seconds.
            assertThat(issued.retryAfter()).isEqualTo(String.valueOf((long) Math.ceil(1.0 / FLOODING_PER_SECOND)));
            assertThat(events.eventCount(issued.purchaseOrderId())).isZero();
            assertThat(recordedMessages(FLOODING, issued.messageId())).isZero();
        }
        for (Issued issued : flood.stream().filter(issued -> issued.status() == 200).toList()) {
            assertThat(recordedMessages(FLOODING, issued.messageId())).isOne();
        }
    }

    @Test
    void twoLedgerNodesOnOneDatabaseDrawFromOnePrincipalsBucket() {
        // An external test database may hold this bucket from an earlier run; start it full.
        jdbc.update("DELETE FROM throttling_bucket WHERE id LIKE ?", SHARED + "@%");
        String nodeA = "http://localhost:" + port;
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ledger.query-side.enabled=false",
                "--ledger.database.url=" + TestDatabase.url(), "--ledger.database.username=" + TestDatabase.user(),
                "--ledger.database.password=" + TestDatabase.password()));
        arguments.addAll(ThrottledConnectors.arguments());
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IntegrationLedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            String nodeB = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
            int takenOnA = 20;

            long started = System.nanoTime();
            for (int i = 0; i < takenOnA; i++) {
                assertThat(issueOrder(nodeA, SHARED_KEY).status()).isEqualTo(200);
            }
            int acceptedOnB = 0;
            Issued refusedOnB = null;
            while (refusedOnB == null && acceptedOnB < SHARED_BURST) {
                Issued issued = issueOrder(nodeB, SHARED_KEY);
                if (issued.status() == 429) {
                    refusedOnB = issued;
                } else {
                    assertThat(issued.status()).isEqualTo(200);
                    acceptedOnB++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            // Alone, node B would have admitted a whole burst before its first refusal.
            assertThat(refusedOnB).as("node B refused nothing in %d requests", acceptedOnB).isNotNull();
            assertThat(acceptedOnB).as("accepted on node B after %d on node A, in %.1f s", takenOnA, seconds)
                    .isGreaterThanOrEqualTo(SHARED_BURST - takenOnA)
                    .isLessThanOrEqualTo(SHARED_BURST - takenOnA + (int) Math.ceil(seconds * SHARED_PER_SECOND) + 1);
            assertThat(refusedOnB.body().path("code").asText()).isEqualTo("rate-limited");
            assertThat(recordedMessages(SHARED, refusedOnB.messageId())).isZero();
            // The bucket both nodes drew from is one row in PostgreSQL.
            assertThat(jdbc.queryForObject("SELECT count(*) FROM throttling_bucket WHERE id LIKE ?", Integer.class,
                    SHARED + "@%")).isOne();
        }
    }

    private int recordedMessages(String connector, String messageId) {
        return jdbc.queryForObject("SELECT count(*) FROM connector_message WHERE connector_id = ? AND message_id = ?",
                Integer.class, connector, messageId);
    }

    private Issued issueOrder(String base, String apiKey) {
        String order = newPurchaseOrderId();
        Map<String, Object> body = issue("US01", "USD");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/purchase-orders/" + order + "/issue"))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Issued(order, body.get("messageId").toString(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Issued(String purchaseOrderId, String messageId, int status, String contentType, String retryAfter,
                          JsonNode body) {
    }
}
