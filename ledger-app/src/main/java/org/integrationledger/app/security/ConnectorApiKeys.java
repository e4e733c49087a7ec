package org.integrationledger.app.security;

import org.integrationledger.command.connector.ConnectorAuthorization;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Authenticates API keys against their configured SHA-256 hashes. Keys are long random secrets, so a fast
 * unsalted hash suffices (as for GitHub tokens); a slow password hash would cost every request.
 */
@Component
class ConnectorApiKeys implements AuthenticationProvider {

    private final Map<String, ApiKeyAuthentication> connectorsByKeyHash = new HashMap<>();

    ConnectorApiKeys(ConnectorSecurityProperties properties) {
        properties.connectors().forEach((connectorId, connector) -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_CONNECTOR"));
            connector.systems().forEach(system -> authorities.add(
                    new SimpleGrantedAuthority(ConnectorAuthorization.SYSTEM_AUTHORITY_PREFIX + system)));
            if (connector.operationsAdmin()) {
                authorities.add(new SimpleGrantedAuthority(SecurityConfiguration.OPERATIONS_ADMIN));
            }
            String hash = connector.apiKeySha256().trim().toLowerCase(Locale.ROOT);
            if (connectorsByKeyHash.put(hash, ApiKeyAuthentication.of(connectorId, authorities)) != null) {
                throw new IllegalStateException("two connectors share one API key hash; give " + connectorId
                        + " its own key");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = String.valueOf(authentication.getCredentials());
        ApiKeyAuthentication connector = connectorsByKeyHash.get(sha256(key));
        if (connector == null) {
            throw new BadCredentialsException("unknown API key");
        }
        return connector;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
