package org.integrationledger.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for the ledger's API, as a connector or a reporting tool would call it. */
public final class LedgerApi {

    public static final String PROCUREMENT_KEY = "dev-procurement-key";
    public static final String ERP_NA_KEY = "dev-erp-na-key";
    public static final String ERP_EMEA_KEY = "dev-erp-emea-key";
    public static final String TAX_KEY = "dev-tax-key";
    public static final String TREASURY_KEY = "dev-treasury-key";
    public static final String REPORTING_KEY = "dev-reporting-key";
    public static final String AUDITOR_KEY = "dev-auditor-key";
    public static final String ADMIN_KEY = "dev-operations-admin-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public LedgerApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The JSON text {@link #post} sends for a body, to be changed where a map cannot say it (duplicate keys). */
    public String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response post(String path, String apiKey, Object body) {
        return post(path, apiKey, body, Map.of());
    }

    public Response post(String path, String apiKey, Object body, Map<String, String> headers) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (apiKey != null) {
                request.header("X-Api-Key", apiKey);
            }
            headers.forEach(request::header);
            return send(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    public Response delete(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    /** A GET whose body is kept as text (exports such as CSV or JSON Lines), with an optional Accept header. */
    public TextResponse getText(String path, String apiKey, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TextResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() || !response.headers().firstValue("Content-Type").orElse("")
                    .contains("json") ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Idempotent-Replayed").orElse(null), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, content type, replay header and parsed JSON body of one response. */
    public record Response(int status, String contentType, String replayed, JsonNode body) {

        public String code() {
            return body.path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Status, content type and raw body of one response. */
    public record TextResponse(int status, String contentType, String body) {
    }
}
