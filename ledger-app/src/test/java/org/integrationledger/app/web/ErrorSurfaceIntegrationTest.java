package org.integrationledger.app.web;

import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the server produces, Tomcat's and Spring's own included, is problem+json with a stable code. The hostile
 * requests go over a raw socket: HTTP clients normalise or refuse exactly the paths under test.
 */
class ErrorSurfaceIntegrationTest extends LedgerIntegrationTest {

    private static final Map<String, String> READER = Map.of("X-Api-Key", LedgerApi.REPORTING_KEY);
    private static final Map<String, String> AUDITOR = Map.of("X-Api-Key", LedgerApi.AUDITOR_KEY);

    @LocalServerPort
    private int port;
    private RawHttp raw;

    @BeforeEach
    void connect() {
        raw = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/purchase-orders/a%2Fb", "/api/v1/purchase-orders/a%2fb/issue", "/api/v1/purchase-orders/a%00b",
            "/api/v1/purchase-orders/a%FFb", "/api/v1/purchase-orders/a%5Cb", "/api/v1/purchase-orders/a%G1",
            "/api/v1/purchase-orders/a%25", "/api/v1/purchase-orders/..;/suppliers/x",
            "/api/v1/purchase-orders/x;jsessionid=ABC", "/api/v1/purchase-orders/x%0D%0AInjected:1",
            "/api/v1/purchase-orders/x%0aInjected", "/api/v1/purchase-orders/%2e%2e/x", "/api/v1/purchase-orders//x",
            "/api/v1/purchase-orders/./x", "/api/v1/purchase-orders/a{b}", "/api/v1/purchase-orders/a|b", "*",
            "http://elsewhere/api/v1/purchase-orders/x"})
    void rejectsHostilePathsWithProblemJson(String target) {
        for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), READER)) {
            RawHttp.Response response = raw.send("GET", target, headers, null);

            assertProblem(response, 400, "request-rejected");
        }
    }

    @Test
    void rejectsRawBytesTheRequestLineMayNotHold() {
        assertProblem(exchange("GET /api/v1/purchase-orders/a\u00ffb HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
                400, "request-rejected");
        assertProblem(exchange("GET /api/v1/purchase-orders/a b HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
                400, "request-rejected");
        assertProblem(exchange("GET /x HTTP/1.1 junk\r\nHost: a\r\nConnection: close\r\n\r\n"), 400,
                "request-rejected");
        assertProblem(exchange("GET /x HTTP/1.1\r\nHost: a\r\nBad Header: x\r\nConnection: close\r\n\r\n"), 400,
                "request-rejected");
        assertProblem(exchange("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\nConnection: close\r\n\r\n"),
                400, "request-rejected");
        assertProblem(exchange("GET /x HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "request-rejected");
        assertProblem(exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
                400, "request-rejected");
        assertProblem(exchange("GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 400, "request-rejected");
        assertProblem(raw.send("BREW", "/api/v1/purchase-orders/x/issue", READER, null), 400, "request-rejected");
    }

    @Test
    void answersAnUnsupportedProtocolVersionWithProblemJson() {
        RawHttp.Response response = exchange("GET /x HTTP/2.5\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(505);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("request-not-supported");
    }

    @Test
    void errorIsAnUnknownRouteLikeAnyOther() {
        assertProblem(raw.send("GET", "/error", Map.of(), null), 401, "unauthenticated");
        assertProblem(raw.send("GET", "/error", READER, null), 404, "request-not-supported");
        assertProblem(raw.send("GET", "/api/v1/nowhere", READER, null), 404, "request-not-supported");
    }

    @Test
    void answersWrongMethodsAndMediaTypesWithProblemJson() {
        Map<String, String> procurement = new LinkedHashMap<>(Map.of("X-Api-Key", LedgerApi.PROCUREMENT_KEY));
        assertProblem(raw.send("GET", "/api/v1/purchase-orders/x/issue", procurement, null), 405,
                "request-not-supported");
        assertProblem(raw.send("DELETE", "/api/v1/purchase-orders/x/issue", procurement, null), 405,
                "request-not-supported");
        procurement.put("Content-Type", "text/plain");
        assertProblem(raw.send("POST", "/api/v1/purchase-orders/x/issue", procurement, bytes("{}")), 415,
                "request-not-supported");
        procurement.put("Content-Type", "garbage");
        assertProblem(raw.send("POST", "/api/v1/purchase-orders/x/issue", procurement, bytes("{}")), 415,
                "request-not-supported");
        procurement.remove("Content-Type");
        assertProblem(raw.send("POST", "/api/v1/purchase-orders/x/issue", procurement, bytes("{}")), 415,
                "request-not-supported");
    }

    @Test
    void answersProblemJsonWhateverTheAcceptHeaderSays() {
        for (String accept : new String[] {"text/html", "application/xml", "image/png", "*/*"}) {
            Map<String, String> headers = Map.of("X-Api-Key", LedgerApi.REPORTING_KEY, "Accept", accept);
            RawHttp.Response response = raw.send("GET", "/api/v1/purchase-orders/NO-SUCH-ORDER", headers, null);

            assertThat(response.status()).as(accept).isBetween(400, 499);
            assertThat(response.contentType()).as(accept).startsWith("application/problem+json");
            assertThat(response.code()).as(accept).isNotBlank();
        }
        for (String garbage : new String[] {"garbage", ";;;", "text/", "a/b; q=x"}) {
            Map<String, String> headers = Map.of("X-Api-Key", LedgerApi.REPORTING_KEY, "Accept", garbage);
            assertProblem(raw.send("GET", "/api/v1/purchase-orders/NO-SUCH-ORDER", headers, null), 400,
                    "malformed-request");
            assertProblem(raw.send("GET", "/api/v1/nowhere", headers, null), 400, "malformed-request");
        }
    }

    @Test
    void refusesDocumentIdsOutsideTheDocumentedShapeOnEveryRoute() {
        String tooLong = "A".repeat(65);
        for (String target : new String[] {"/api/v1/purchase-orders/" + tooLong, "/api/v1/purchase-orders/a%20b",
                "/api/v1/purchase-orders/-lead", "/api/v1/invoices/" + tooLong, "/api/v1/suppliers/a%2Bb",
                "/api/v1/audit/purchase-orders/a%40b/as-of?recordedAt=2026-01-01T00:00:00Z"}) {
            assertProblem(raw.send("GET", target, target.startsWith("/api/v1/audit/") ? AUDITOR : READER, null), 400,
                    "invalid-id");
        }
        assertThat(raw.send("GET", "/api/v1/purchase-orders/" + "A".repeat(64), READER, null).code())
                .isEqualTo("purchase-order-not-found");
    }

    @Test
    void refusesABadPathIdBeforeReadingTheBody() {
        long eventsBefore = events.totalEvents();
        Map<String, String> headers = Map.of("X-Api-Key", LedgerApi.PROCUREMENT_KEY,
                "Content-Type", "application/json");

        for (String route : new String[] {"/api/v1/purchase-orders/a%20b/issue", "/api/v1/invoices/a%20b/receipt",
                "/api/v1/suppliers/a%20b/request"}) {
            assertProblem(raw.send("POST", route, headers, bytes("{not json")), 400, "invalid-id");
        }
        assertThat(events.totalEvents()).isEqualTo(eventsBefore);
    }

    private RawHttp.Response exchange(String request) {
        return raw.exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }
}
