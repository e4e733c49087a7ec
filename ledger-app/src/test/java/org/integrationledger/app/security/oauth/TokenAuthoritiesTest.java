package org.integrationledger.app.security.oauth;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which authorities a token's claims grant: the same names an API key carries, and nothing for unknown values. */
class TokenAuthoritiesTest {

    @Test
    void aConnectorRoleGrantsItsSystemOnly() {
        assertThat(authorities(settings("roles", "", Map.of(), Map.of()),
                Map.of("roles", List.of("connector:PROCUREMENT"))))
                .containsExactly("SYSTEM_PROCUREMENT");
    }

    @Test
    void everyRoleButViewerAlsoGrantsViewer() {
        assertThat(authorities(settings("roles", "", Map.of(), Map.of()), Map.of("roles", List.of("Auditor"))))
                .containsExactly("ROLE_AUDITOR", "ROLE_VIEWER");
        assertThat(authorities(settings("roles", "", Map.of(), Map.of()), Map.of("roles", "viewer")))
                .containsExactly("ROLE_VIEWER");
    }

    @Test
    void keycloakNestingAndASystemsClaim() {
        OAuth2SignInProperties keycloak = settings("realm_access.roles", "ledger_systems", Map.of(), Map.of());

        assertThat(authorities(keycloak, Map.of("realm_access", Map.of("roles", List.of("admin", "uma_authorization")),
                "ledger_systems", List.of("ERP_NA", "ERP_EMEA"))))
                .containsExactly("ROLE_ADMIN", "ROLE_VIEWER", "SYSTEM_ERP_EMEA", "SYSTEM_ERP_NA");
    }

    @Test
    void aNamespacedClaimIsReadByItsOwnNameBeforeAsAPath() {
        OAuth2SignInProperties namespaced = settings("https://ledger.example.com/roles", "", Map.of(), Map.of());

        assertThat(authorities(namespaced, Map.of("https://ledger.example.com/roles", List.of("approver"))))
                .containsExactly("ROLE_APPROVER", "ROLE_VIEWER");
    }

    @Test
    void roleMappingTranslatesTheIdentityProvidersNames() {
        OAuth2SignInProperties entra = settings("roles", "", Map.of(
                "Ledger.Read", List.of("viewer"),
                "Ledger.Connector.Procurement", List.of("connector:PROCUREMENT")), Map.of());

        assertThat(authorities(entra, Map.of("roles", List.of("Ledger.Read", "Ledger.Connector.Procurement"))))
                .containsExactly("ROLE_VIEWER", "SYSTEM_PROCUREMENT");
    }

    @Test
    void principalsGrantWhatATokenCannotSay() {
        OAuth2SignInProperties byClient = settings("roles", "", Map.of(), Map.of("erp-na-sso-connector",
                new OAuth2SignInProperties.Grant(List.of(), List.of("ERP_NA"))));

        assertThat(authorities(byClient, Map.of("sub", "erp-na-sso-connector"))).containsExactly("SYSTEM_ERP_NA");
        assertThat(authorities(byClient, Map.of("sub", "someone-else"))).isEmpty();
    }

    @Test
    void valuesTheLedgerDoesNotKnowGrantNothing() {
        assertThat(authorities(settings("roles", "", Map.of(), Map.of()),
                Map.of("roles", List.of("offline_access", "superuser", "connector:", "OPERATIONS_ADMIN"))))
                .isEmpty();
        assertThat(authorities(settings("roles", "", Map.of(), Map.of()), Map.of("roles", 42))).isEmpty();
    }

    private static OAuth2SignInProperties settings(String rolesClaim, String systemsClaim,
                                                   Map<String, List<String>> mapping,
                                                   Map<String, OAuth2SignInProperties.Grant> principals) {
        return new OAuth2SignInProperties("https://login.example.com/realms/company", "integration-ledger", "sub",
                rolesClaim, systemsClaim, mapping, principals, Duration.ofSeconds(60));
    }

    private static List<String> authorities(OAuth2SignInProperties properties, Map<String, Object> claims) {
        Jwt.Builder token = Jwt.withTokenValue("token").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        if (!claims.containsKey("sub")) {
            token.subject("a-client");
        }
        claims.forEach(token::claim);
        return new TokenAuthorities(properties).convert(token.build()).stream().map(GrantedAuthority::getAuthority)
                .toList();
    }
}
