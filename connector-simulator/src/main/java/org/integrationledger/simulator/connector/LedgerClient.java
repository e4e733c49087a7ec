package org.integrationledger.simulator.connector;

import org.integrationledger.simulator.workload.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The ledger's public HTTP API as a connector or a reader sees it; one pooled client, HTTP/1.1 keep-alive. */
public final class LedgerClient {

    /** Status and body of one answer. */
    public record Answer(int status, String body) {
    }

    private final String base;
    private final HttpClient http;

    public LedgerClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String base() {
        return base;
    }

    public Answer send(Message message) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + message.path()))
                .timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", message.apiKey())
                .header("X-Correlation-Id", message.correlationId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.body())).build();
        return exchange(request);
    }

    public Answer get(String pathAndQuery, String apiKey) {
        return exchange(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", apiKey).GET().build());
    }

    public Answer post(String pathAndQuery, String apiKey) {
        return exchange(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", apiKey).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Answer delete(String pathAndQuery, String apiKey) {
        return exchange(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", apiKey).DELETE().build());
    }

    /** A JSON POST that may run long (the benchmark bulk loader answers when its last event is committed). */
    public Answer postJson(String pathAndQuery, String apiKey, String json, Duration timeout) {
        return exchange(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
