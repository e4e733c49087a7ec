package org.integrationledger.app.security.oauth;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The ledger with company sign-in on, trusting the {@link TestIssuer} of this JVM, and Spring Security's DEBUG log
 * on (so a secret that reached the log would show). The subclasses share this one context.
 */
@TestPropertySource(properties = {
        "logging.level.org.springframework.security=DEBUG",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.integrationledger=DEBUG"})
abstract class CompanySignInLedgerTest extends LedgerIntegrationTest {

    @Value("${local.server.port}")
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void companyIssuer(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.oauth2.issuer-uri", () -> TestIssuer.shared().uri());
        registry.add("ledger.security.oauth2.audience", () -> TestIssuer.AUDIENCE);
        registry.add("ledger.security.oauth2.roles-claim", () -> TestIssuer.ROLES_CLAIM);
        registry.add("ledger.security.oauth2.systems-claim", () -> TestIssuer.SYSTEMS_CLAIM);
        registry.add("ledger.security.oauth2.console.client-id", () -> TestIssuer.CONSOLE_CLIENT);
        registry.add("ledger.security.oauth2.console.client-secret", () -> TestIssuer.CONSOLE_SECRET);
    }

    /** A JSON request to the ledger with the given headers (credentials among them), answered as text. */
    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's port, for a browser-like client of the console. */
    int port() {
        return port;
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
