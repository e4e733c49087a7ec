package org.integrationledger.app.security.oauth;

import org.integrationledger.app.console.ConsoleProperties;
import org.integrationledger.app.security.ConnectorSecurityProperties;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.MatrixPrincipals;
import org.integrationledger.app.support.ThrottledConnectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are never logged: with Spring Security, Spring Web and the ledger logging at DEBUG, every development
 * secret is sent the way a caller would send it (API keys in both headers, console passwords through the sign-in
 * form, a company sign-in to the console, which sends the console's client secret to the issuer, the issuer's client
 * secrets and access tokens as bearer values and API keys), and the captured output must not contain any of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedIntegrationTest extends CompanySignInLedgerTest {

    private static final Pattern README_KEY = Pattern.compile("dev-[a-z-]+-key");
    private static final Pattern README_CONSOLE_USER = Pattern.compile("\\| `([a-z-]+)` \\| `(dev-[a-z-]+-password)` \\|");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    private ConnectorSecurityProperties connectors;
    @Autowired
    private ConsoleProperties console;
    @Value("${ledger.audit.checkpoint-secret}")
    private String checkpointSecret;
    @Value("${ledger.supplier.bank-fingerprint-secret}")
    private String bankFingerprintSecret;
    @Value("${local.server.port}")
    private int port;

    @Test
    void noSecretReachesTheLogWhileSecurityLogsAtDebug(CapturedOutput output) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> apiKeys = new LinkedHashSet<>(matches(README_KEY, readme, 0));
        apiKeys.addAll(List.of(LedgerApi.TAX_KEY, LedgerApi.TREASURY_KEY, ThrottledConnectors.FLOODING_KEY,
                ThrottledConnectors.SHARED_KEY));
        MatrixPrincipals.CONFIGURED.forEach(principal -> apiKeys.add(principal.apiKey()));
        Map<String, String> consoleUsers = new java.util.LinkedHashMap<>();
        Matcher user = README_CONSOLE_USER.matcher(readme);
        while (user.find()) {
            consoleUsers.put(user.group(1), user.group(2));
        }
        assertEveryConfiguredSecretIsKnown(apiKeys, consoleUsers);

        List<String> secrets = new ArrayList<>(apiKeys);
        secrets.addAll(consoleUsers.values());
        secrets.addAll(TestIssuer.clientSecrets());
        secrets.add(TestIssuer.CONSOLE_SECRET);
        // The console client's credentials as they travel to the issuer when a person's sign-in is redeemed.
        secrets.add(java.util.Base64.getEncoder().encodeToString((TestIssuer.CONSOLE_CLIENT + ":"
                + TestIssuer.CONSOLE_SECRET).getBytes(StandardCharsets.UTF_8)));
        secrets.add(TestIssuer.AUDITOR.password());
        secrets.add(checkpointSecret);
        secrets.add(bankFingerprintSecret);

        for (String key : apiKeys) {
            // Accepted as a credential (not 401): a connector key without the viewer role is refused the read.
            assertThat(send("GET", "/api/v1/purchase-orders?size=1", null, Map.of("X-Api-Key", key)).statusCode())
                    .as(key).isIn(200, 403, 429);
            send("GET", "/api/v1/purchase-orders?size=1", null, bearer(key));
            send("GET", "/actuator/metrics", null, Map.of("X-Api-Key", key));
        }
        for (Map.Entry<String, String> person : consoleUsers.entrySet()) {
            assertThat(signIn(person.getKey(), person.getValue())).as(person.getKey()).doesNotContain("error");
            assertThat(signIn(person.getKey(), person.getValue() + "-typo")).contains("error");
            signIn("nobody", person.getValue());
        }
        assertThat(new ConsoleBrowser("http://127.0.0.1:" + port).signInWithCompanyAccount(TestIssuer.AUDITOR)
                .statusCode()).isEqualTo(200);
        for (TestIssuer.Client client : List.of(TestIssuer.PROCUREMENT, TestIssuer.ERP_NA, TestIssuer.VIEWER,
                TestIssuer.EXPIRED, TestIssuer.OTHER_AUDIENCE)) {
            String token = TestIssuer.shared().accessToken(client);
            secrets.add(token);
            secrets.add(token.substring(token.lastIndexOf('.') + 1));
            send("GET", "/api/v1/purchase-orders?size=1", null, bearer(token));
            send("POST", "/api/v1/purchase-orders/PO-NEVER/issue", "{}", bearer(token));
            send("GET", "/api/v1/purchase-orders?size=1", null, bearer(client.secret()));
            send("GET", "/api/v1/purchase-orders?size=1", null, Map.of("X-Api-Key", client.secret()));
        }

        String log = output.getAll();
        // Proof that the run logged what a leak would be logged with: Spring Security's DEBUG lines per request.
        assertThat(log).contains("DEBUG").contains("Secured GET /api/v1/purchase-orders")
                .contains("Failed to authenticate");
        // Named by their first characters only, so the failure report does not print the whole log or secret.
        assertThat(secrets.stream().filter(log::contains).map(secret -> secret.substring(0, 6) + "...").toList())
                .as("secrets found in the log of the run").isEmpty();
    }

    /** Every key and password hash the ledger is configured with belongs to a secret this test sends. */
    private void assertEveryConfiguredSecretIsKnown(Set<String> apiKeys, Map<String, String> consoleUsers) {
        Set<String> knownHashes = new LinkedHashSet<>(apiKeys.stream().map(SecretsNeverLoggedIntegrationTest::sha256)
                .toList());
        connectors.connectors().forEach((id, connector) -> assertThat(knownHashes)
                .as("clear text of connector %s's key", id).contains(connector.apiKeySha256()));
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        console.users().forEach((name, configured) -> assertThat(consoleUsers.values())
                .as("clear text of console user %s's password", name)
                .anyMatch(password -> passwords.matches(password, configured.passwordHash())));
    }

    /** Signs in through the console's form and answers where the ledger sent the browser. */
    private String signIn(String user, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        try {
            Matcher csrf = CSRF.matcher(browser.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(csrf.find()).isTrue();
            String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrf.group(1));
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(302);
            return answer.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
