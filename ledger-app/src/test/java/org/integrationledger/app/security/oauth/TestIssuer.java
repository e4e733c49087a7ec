package org.integrationledger.app.security.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A real OAuth2 issuer for the company sign-in tests: Spring Authorization Server as its own small Spring
 * application on a random port, started once per test JVM, with client-credentials clients shaped like a
 * company's IdP registrations, and people who sign in to the ledger console through it (authorization code). Tokens carry Keycloak-style claims: roles under {@code realm_access.roles}, systems
 * in {@code ledger_systems}, the integration ledger as audience.
 */
final class TestIssuer {

    static final String AUDIENCE = "integration-ledger";
    static final String ROLES_CLAIM = "realm_access.roles";
    static final String SYSTEMS_CLAIM = "ledger_systems";

    /** Reports for PROCUREMENT through the roles claim ({@code connector:PROCUREMENT}). */
    static final Client PROCUREMENT = new Client("procurement-sso-connector", "procurement-sso-client-secret",
            List.of("connector:PROCUREMENT", "offline_access"), List.of(), AUDIENCE, false);
    /** Reports for ERP_NA through the systems claim. */
    static final Client ERP_NA = new Client("erp-na-sso-connector", "erp-na-sso-client-secret",
            List.of(), List.of("ERP_NA"), AUDIENCE, false);
    /** A reporting tool: reads only. */
    static final Client VIEWER = new Client("reporting-sso-viewer", "reporting-sso-client-secret",
            List.of("viewer"), List.of(), AUDIENCE, false);
    /** Would report for PROCUREMENT, but every token it gets expired five minutes before it was handed out. */
    static final Client EXPIRED = new Client("expired-sso-connector", "expired-sso-client-secret",
            List.of("connector:PROCUREMENT"), List.of(), AUDIENCE, true);
    /** Would report for PROCUREMENT, but its tokens are meant for another application of the company. */
    static final Client OTHER_AUDIENCE = new Client("other-api-connector", "other-api-client-secret",
            List.of("connector:PROCUREMENT"), List.of(), "payroll-api", false);

    private static final List<Client> CLIENTS = List.of(PROCUREMENT, ERP_NA, VIEWER, EXPIRED, OTHER_AUDIENCE);

    /** The ledger console's OpenID Connect client (authorization code). */
    static final String CONSOLE_CLIENT = "ledger-console";
    static final String CONSOLE_SECRET = "ledger-console-client-secret";

    /** People of the company who may open the console, with the ledger roles their IdP grants them. */
    static final Person AUDITOR = new Person("jane.auditor", "jane-company-password", List.of("auditor"));
    static final Person NO_LEDGER_ROLE = new Person("sam.sales", "sam-company-password", List.of("crm-user"));
    /** Named like the console's development approver, with the approver role in the company's IdP. */
    static final Person APPROVER_NAMESAKE = new Person("approver-emea", "namesake-company-password",
            List.of("approver"));
    private static final List<Person> PEOPLE = List.of(AUDITOR, NO_LEDGER_ROLE, APPROVER_NAMESAKE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestIssuer shared;

    private final ConfigurableApplicationContext context;
    private final String uri;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestIssuer(ConfigurableApplicationContext context) {
        this.context = context;
        this.uri = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The issuer's OpenID metadata, as the ledger reads it; the first request also warms the issuer up. */
    String metadata() {
        return get("/.well-known/openid-configuration");
    }

    /** The issuer of this test JVM, started on first use and stopped with the JVM. */
    static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer(new SpringApplicationBuilder(IssuerApplication.class)
                    .web(WebApplicationType.SERVLET)
                    // Not the ledger's application.yml: the issuer is another application.
                    .properties("spring.config.name=test-issuer", "server.port=0",
                            "spring.application.name=test-issuer")
                    .run());
            shared.metadata();
        }
        return shared;
    }

    String uri() {
        return uri;
    }

    /** A fresh access token for a client: the client-credentials grant, authenticated with the client's secret. */
    String accessToken(Client client) {
        String basic = Base64.getEncoder().encodeToString((client.id() + ":" + client.secret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the issuer refused " + client.id() + ": " + response.statusCode()
                        + " " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A person's IdP account: name, password and the roles the IdP puts into the ID token. */
    record Person(String name, String password, List<String> roles) {
    }

    /** A registered client and what its tokens say. */
    record Client(String id, String secret, List<String> roles, List<String> systems, String audience,
                  boolean expired) {
    }

    /**
     * The issuer's beans. Not a {@code @Configuration}: the ledger's component scan covers the test classes, and
     * the issuer's beans must not appear in the ledger.
     */
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class IssuerApplication {

        @Bean
        RegisteredClientRepository registeredClients() {
            List<RegisteredClient> registered = new ArrayList<>(CLIENTS.stream().map(client -> RegisteredClient
                    .withId(client.id())
                    .clientId(client.id())
                    .clientSecret("{noop}" + client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("ledger")
                    .build()).toList());
            // A loopback redirect URI: the issuer accepts it on any port (RFC 8252), so the ledger's random one.
            registered.add(RegisteredClient.withId(CONSOLE_CLIENT)
                    .clientId(CONSOLE_CLIENT)
                    .clientSecret("{noop}" + CONSOLE_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/console/login/oauth2/code/company")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
            return new InMemoryRegisteredClientRepository(registered);
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(PEOPLE.stream().map(person -> User.withUsername(person.name())
                    .password("{noop}" + person.password()).roles("EMPLOYEE").build()).toList());
        }

        /** What a company IdP's protocol mappers add: audience, roles and systems per client. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person person = PEOPLE.stream()
                            .filter(candidate -> candidate.name().equals(context.getPrincipal().getName()))
                            .findFirst().orElseThrow();
                    context.getClaims().claim("preferred_username", person.name());
                    context.getClaims().claim("realm_access", java.util.Map.of("roles", person.roles()));
                    return;
                }
                Client client = CLIENTS.stream()
                        .filter(candidate -> candidate.id().equals(context.getRegisteredClient().getClientId()))
                        .findFirst().orElse(null);
                if (client == null || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    return;
                }
                context.getClaims().audience(List.of(client.audience()));
                context.getClaims().claim("realm_access", java.util.Map.of("roles", client.roles()));
                if (!client.systems().isEmpty()) {
                    context.getClaims().claim(SYSTEMS_CLAIM, client.systems());
                }
                if (client.expired()) {
                    Instant now = Instant.now();
                    context.getClaims().issuedAt(now.minusSeconds(600)).notBefore(now.minusSeconds(600))
                            .expiresAt(now.minusSeconds(300));
                }
            };
        }
    }

    /** Every client's secret, clear text. */
    static List<String> clientSecrets() {
        return CLIENTS.stream().map(Client::secret).toList();
    }
}
