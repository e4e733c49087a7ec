package org.integrationledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The API keys allowed in ({@code ledger.security.connectors}): per key holder (a connector or a reading client), the
 * SHA-256 of its key (the key itself is never configured or stored), the systems of record it may report for, and
 * its roles (docs/security.md, "Roles"). A holder with neither systems nor roles is authenticated and may do nothing.
 */
@ConfigurationProperties("ledger.security")
public record ConnectorSecurityProperties(Map<String, Connector> connectors) {

    public ConnectorSecurityProperties {
        connectors = connectors == null ? Map.of() : Map.copyOf(connectors);
    }

    /**
     * One key holder: its key's SHA-256 in hex, the systems it speaks for ({@code SYSTEM_<system>}), and its roles
     * ({@code viewer}, {@code auditor}, {@code approver}, {@code admin}; {@link LedgerRole}).
     */
    public record Connector(String apiKeySha256, List<String> systems, List<String> roles) {

        public Connector {
            systems = systems == null ? List.of() : List.copyOf(systems);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
