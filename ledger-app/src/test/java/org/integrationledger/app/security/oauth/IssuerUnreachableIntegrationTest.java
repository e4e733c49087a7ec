package org.integrationledger.app.security.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * Company sign-in on, but the issuer cannot be reached (nothing listens on its port): a bearer token cannot be
 * checked, which is neither the connector's fault (401) nor a bare server error (500). API keys keep working.
 */
class IssuerUnreachableIntegrationTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void unreachableIssuer(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.oauth2.issuer-uri", () -> "http://127.0.0.1:" + closedPort() + "/realms/away");
        registry.add("ledger.security.oauth2.audience", () -> TestIssuer.AUDIENCE);
    }

    @Test
    void aBearerTokenIsAnswered503TokenIssuerUnavailableAndNothingIsRecorded() throws Exception {
        String po = newPurchaseOrderId();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/purchase-orders/" + po + "/issue"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestIssuer.shared().accessToken(TestIssuer.PROCUREMENT))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(issue("US01", "USD"))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("code").asText()).isEqualTo("token-issuer-unavailable");
        assertThat(events.eventCount(po)).as("nothing recorded").isZero();

        Map<String, Object> request = issue("US01", "USD");
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request).status())
                .as("an API key does not need the issuer").isEqualTo(200);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
