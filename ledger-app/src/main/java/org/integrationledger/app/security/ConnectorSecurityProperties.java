package org.integrationledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The connectors allowed in ({@code ledger.security.connectors}): per connector id, the SHA-256 of its API key
 * (the key itself is never configured or stored) and the systems of record it may report for. A connector
 * with no systems can read but not send commands.
 */
@ConfigurationProperties("ledger.security")
public record ConnectorSecurityProperties(Map<String, Connector> connectors) {

    public ConnectorSecurityProperties {
        connectors = connectors == null ? Map.of() : Map.copyOf(connectors);
    }

    /**
     * One connector: its key's SHA-256 in hex, the systems it speaks for, and whether it may act on the ledger's
     * operations (retry or evict parked documents).
     */
    public record Connector(String apiKeySha256, List<String> systems, boolean operationsAdmin) {

        public Connector {
            systems = systems == null ? List.of() : List.copyOf(systems);
        }
    }
}
