package org.integrationledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a configured key is granted: one authority per system, its roles' authorities, viewer with every role. */
class ConnectorApiKeysTest {

    @Test
    void grantsTheSystemsAndTheRolesOfTheKeyWithViewerIncluded() {
        ConnectorApiKeys keys = keys(Map.of("relay", new ConnectorSecurityProperties.Connector(
                ConnectorApiKeys.sha256("relay-key"), List.of("PROCUREMENT"), List.of("approver"))));

        Authentication relay = keys.authenticate(ApiKeyAuthentication.presented("relay-key"));

        assertThat(relay.getName()).isEqualTo("relay");
        assertThat(relay.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SYSTEM_PROCUREMENT", "ROLE_APPROVER", "ROLE_VIEWER");
    }

    @Test
    void aConnectorWithoutRolesHoldsOnlyItsSystems() {
        ConnectorApiKeys keys = keys(Map.of("erp", new ConnectorSecurityProperties.Connector(
                ConnectorApiKeys.sha256("erp-key"), List.of("ERP_NA"), null)));

        assertThat(keys.authenticate(ApiKeyAuthentication.presented("erp-key")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("SYSTEM_ERP_NA");
    }

    @Test
    void anAdminIsNeitherAuditorNorApprover() {
        ConnectorApiKeys keys = keys(Map.of("ops", new ConnectorSecurityProperties.Connector(
                ConnectorApiKeys.sha256("ops-key"), null, List.of("admin"))));

        assertThat(keys.authenticate(ApiKeyAuthentication.presented("ops-key")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
    }

    @Test
    void refusesAnUnknownRoleAtStartUp() {
        assertThatThrownBy(() -> keys(Map.of("typo", new ConnectorSecurityProperties.Connector(
                ConnectorApiKeys.sha256("typo-key"), null, List.of("operations-admin")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown role 'operations-admin'");
    }

    private static ConnectorApiKeys keys(Map<String, ConnectorSecurityProperties.Connector> connectors) {
        return new ConnectorApiKeys(new ConnectorSecurityProperties(connectors));
    }
}
