package org.integrationledger.app.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;
import java.util.List;

/** An API key presented by a caller (unauthenticated) or the connector it belongs to (authenticated). */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String apiKey;
    private final String connectorId;

    private ApiKeyAuthentication(String apiKey, String connectorId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.apiKey = apiKey;
        this.connectorId = connectorId;
        setAuthenticated(connectorId != null);
    }

    static ApiKeyAuthentication presented(String apiKey) {
        return new ApiKeyAuthentication(apiKey, null, List.of());
    }

    static ApiKeyAuthentication of(String connectorId, Collection<? extends GrantedAuthority> authorities) {
        return new ApiKeyAuthentication(null, connectorId, authorities);
    }

    @Override
    public Object getCredentials() {
        return apiKey;
    }

    @Override
    public Object getPrincipal() {
        return connectorId;
    }

    @Override
    public String getName() {
        return connectorId;
    }
}
