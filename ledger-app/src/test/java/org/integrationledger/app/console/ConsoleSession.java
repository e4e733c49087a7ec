package org.integrationledger.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser session on the console over plain HTTP: cookies kept, redirects not followed, CSRF read. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;

    ConsoleSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the login form; answers the response of the form's POST (302 on success and failure). */
    HttpResponse<String> signIn(String user, String password) {
        return post("/console/login", Map.of("username", user, "password", password));
    }

    HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A form POST carrying the CSRF token of the login page, as the console's own forms do. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        return postWithToken(path, form, csrfToken());
    }

    HttpResponse<String> postWithToken(String path, Map<String, String> form, String token) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        if (token != null) {
            fields.put("_csrf", token);
        }
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    String csrfToken() {
        Matcher matcher = CSRF.matcher(get("/console/login").body());
        if (!matcher.find()) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
