package org.integrationledger.app.security.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser on the console: cookies per host, redirects followed one by one, forms sent with their CSRF token. */
final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String ledger;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A browser on the ledger at {@code ledger}, a loopback address, which the issuer accepts on any port. */
    ConsoleBrowser(String ledger) {
        this.ledger = ledger;
    }

    /** Clicks the company sign-in link, signs in at the issuer, and lands where the ledger sends the person. */
    HttpResponse<String> signInWithCompanyAccount(TestIssuer.Person person) {
        HttpResponse<String> issuerLogin = get(ledger + "/console/oauth2/authorization/company");
        assertThat(issuerLogin.uri().getPath()).as(issuerLogin.statusCode() + " " + issuerLogin.body())
                .isEqualTo("/login");
        assertThat(issuerLogin.uri().getPort()).isEqualTo(URI.create(TestIssuer.shared().uri()).getPort());
        return submit(issuerLogin.uri().toString(), issuerLogin.body(), person.name(), person.password());
    }

    /** Fills in and sends the user name and password form of {@code formPage}, which {@code url} receives. */
    HttpResponse<String> submit(String url, String formPage, String user, String password) {
        Matcher csrf = CSRF.matcher(formPage);
        assertThat(csrf.find()).as("a CSRF token on " + url).isTrue();
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        return follow(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
    }

    HttpResponse<String> get(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET().build()));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            // As a browser asks: the issuer shows its sign-in page only to a request for HTML.
            return http.send(HttpRequest.newBuilder(request, (name, value) -> true).header("Accept", "text/html")
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
