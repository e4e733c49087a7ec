package org.integrationledger.app.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.integrationledger.app.IntegrationLedgerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * PostgreSQL stops under a running ledger and comes back: meanwhile every request that needs it answers
 * {@code 503 database-unavailable} within the documented bound and health is DOWN; afterwards the same process
 * records and projects again, without a restart.
 */
class DatabaseOutageIntegrationTest {

    /**
     * The documented bound (docs/architecture.md, "Database outage"): Hikari's 2.5 s connection timeout plus the
     * request's own work, with room for a slow, shared test machine.
     */
    private static final Duration BOUND = Duration.ofSeconds(5);
    /** Health runs two indicators that each wait up to the pool's 2.5 s for a connection (docs/architecture.md). */
    private static final Duration HEALTH_BOUND = Duration.ofSeconds(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext ledger;

    @AfterEach
    void stopAll() throws IOException {
        if (ledger != null) {
            ledger.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void answersServiceUnavailableFastWhileTheDatabaseIsDownAndRecoversWithoutARestart() throws IOException {
        int port = freePort();
        postgres = startPostgres(port);
        ledger = new SpringApplicationBuilder(IntegrationLedgerApplication.class).run(
                "--ledger.database.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--ledger.database.username=postgres",
                "--ledger.database.password=",
                "--server.port=0");
        String base = "http://localhost:" + ledger.getEnvironment().getProperty("local.server.port");
        String before = newPurchaseOrderId();
        assertThat(post(base, before).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(base, "/api/v1/purchase-orders/" + before,
                REPORTING_KEY).statusCode() == 200);

        postgres.close();
        postgres = null;

        // The first calls meet pooled connections the server closed; the later ones wait for a new connection.
        for (int call = 0; call < 3; call++) {
            assertUnavailableWithinBound(() -> post(base, newPurchaseOrderId()));
            assertUnavailableWithinBound(() -> get(base, "/api/v1/purchase-orders/" + before, REPORTING_KEY));
        }
        long started = System.nanoTime();
        HttpResponse<String> health = get(base, "/actuator/health", null);
        Duration healthElapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("outage: health answered %d in %d ms%n", health.statusCode(), healthElapsed.toMillis());
        assertThat(healthElapsed).isLessThan(HEALTH_BOUND);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).path("status").asText()).isEqualTo("DOWN");
        assertThat(json(health).path("components").path("db").path("status").asText()).isEqualTo("DOWN");

        postgres = startPostgres(port);

        String after = newPurchaseOrderId();
        await().atMost(Duration.ofSeconds(30)).until(() -> post(base, after).statusCode() == 200);
        // Axon's processors back off after failures (at most a minute); none may stay stuck.
        await().atMost(Duration.ofSeconds(90)).until(() -> get(base, "/api/v1/purchase-orders/" + after,
                REPORTING_KEY).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(base, "/actuator/health", null).statusCode() == 200);
    }

    private static void assertUnavailableWithinBound(Request request) throws IOException {
        long started = System.nanoTime();
        HttpResponse<String> response = request.send();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("code").asText()).isEqualTo("database-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(elapsed).as(response.request().method() + " " + response.request().uri().getPath())
                .isLessThan(BOUND);
        System.out.printf("outage: %s %s answered %d in %d ms%n", response.request().method(),
                response.request().uri().getPath(), response.statusCode(), elapsed.toMillis());
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        // The same data directory and port each time: the ledger's pool reconnects to the server it knew.
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private HttpResponse<String> post(String base, String purchaseOrderId) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/purchase-orders/" + purchaseOrderId + "/issue"))
                .header("X-Api-Key", PROCUREMENT_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(issue("GB01", "GBP")))));
    }

    private HttpResponse<String> get(String base, String path, String apiKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            // A hang is a failure here, not a wait for the test's own timeout.
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One HTTP call, timed by the caller. */
    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send() throws IOException;
    }
}
