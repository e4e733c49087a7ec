package org.integrationledger.simulator.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ledger's browser console as a person's browser reaches it: form login (the sign-in page's CSRF token and the
 * session cookie, then the credentials posted), then pages read with that session. Redirects are not followed, so a
 * page that answers with one (the search box) is timed without the page it leads to.
 */
public final class ConsoleClient {

    /** The embedded default's development user that may read every console page, audit history included (README). */
    public static final String AUDITOR = "auditor";
    public static final String AUDITOR_PASSWORD = "dev-auditor-password";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String LOGIN = "/console/login";

    private final String base;
    private final String user;
    private final String password;
    private final HttpClient http;

    private ConsoleClient(String base, String user, String password) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in; fails with the reason when the ledger refuses the user (or serves no console). */
    public static ConsoleClient signIn(String base, String user, String password) {
        ConsoleClient client = new ConsoleClient(base, user, password);
        client.signIn();
        return client;
    }

    /**
     * A console page with this session. A session the ledger has forgotten (expired, or a restart) answers with a
     * redirect to the sign-in page; the client signs in again once and asks again.
     */
    public LedgerClient.Answer get(String pathAndQuery) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET().build());
        if (redirectsToLogin(response)) {
            signIn();
            response = exchange(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .timeout(Duration.ofSeconds(60)).GET().build());
        }
        return new LedgerClient.Answer(response.statusCode(), response.body());
    }

    private void signIn() {
        HttpResponse<String> form = exchange(HttpRequest.newBuilder(URI.create(base + LOGIN))
                .timeout(Duration.ofSeconds(60)).GET().build());
        Matcher token = CSRF.matcher(form.body() == null ? "" : form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no console sign-in form at " + base + LOGIN + " (HTTP "
                    + form.statusCode() + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", user);
        fields.put("password", password);
        fields.put("_csrf", token.group(1));
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(base + LOGIN))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String location = answer.headers().firstValue("Location").orElse("");
        // Spring Security answers a good sign-in with a redirect into the console and a bad one back to the form.
        if (answer.statusCode() != 302 || location.contains(LOGIN)) {
            throw new IllegalStateException("console sign-in as " + user + " refused (HTTP " + answer.statusCode()
                    + ", to " + location + ")");
        }
    }

    private static boolean redirectsToLogin(HttpResponse<String> response) {
        return response.statusCode() == 302
                && response.headers().firstValue("Location").map(l -> l.endsWith(LOGIN)).orElse(false);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
