package org.integrationledger.app.security.oauth;

import org.integrationledger.app.security.LedgerRole;
import org.integrationledger.command.connector.ConnectorAuthorization;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rule: what a token may do. Its roles claim (translated through {@code role-mapping}) and its systems claim, plus
 * what {@code principals} grants its principal, become the same authorities an API key carries: one
 * {@link LedgerRole#authority()} per role granted and one {@code SYSTEM_<system>} per system of record. A value the
 * ledger does not know is ignored: a company token also carries the roles of other applications.
 */
final class TokenAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** A role value that binds the caller to a system of record, as {@code connector:PROCUREMENT}. */
    static final String CONNECTOR_ROLE_PREFIX = "connector:";

    private final OAuth2SignInProperties properties;

    TokenAuthorities(OAuth2SignInProperties properties) {
        this.properties = properties;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt token) {
        return authorities(token.getClaims());
    }

    /** The authorities of a token's (or a signed-in person's ID token's) claims. */
    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        List<String> roles = new ArrayList<>(values(claims, properties.rolesClaim()));
        List<String> systems = new ArrayList<>(properties.systemsClaim().isEmpty() ? List.of()
                : values(claims, properties.systemsClaim()));
        Object principal = claims.get(properties.principalClaim());
        OAuth2SignInProperties.Grant grant = principal == null ? null
                : properties.principals().get(principal.toString());
        if (grant != null) {
            roles.addAll(grant.roles());
            systems.addAll(grant.systems());
        }
        TreeSet<String> authorities = new TreeSet<>();
        for (String value : roles) {
            for (String role : properties.roleMapping().getOrDefault(value, List.of(value))) {
                grantRole(role.trim(), authorities);
            }
        }
        systems.forEach(system -> grantSystem(system, authorities));
        return authorities.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    private static void grantRole(String role, TreeSet<String> authorities) {
        if (role.regionMatches(true, 0, CONNECTOR_ROLE_PREFIX, 0, CONNECTOR_ROLE_PREFIX.length())) {
            grantSystem(role.substring(CONNECTOR_ROLE_PREFIX.length()), authorities);
            return;
        }
        for (LedgerRole known : LedgerRole.values()) {
            if (known.name().equals(role.toUpperCase(Locale.ROOT))) {
                known.granted().forEach(granted -> authorities.add(granted.authority()));
            }
        }
    }

    private static void grantSystem(String system, TreeSet<String> authorities) {
        if (!system.isBlank()) {
            authorities.add(ConnectorAuthorization.SYSTEM_AUTHORITY_PREFIX + system.trim());
        }
    }

    /**
     * The values of a claim: a list, or a string of space-separated values (as OAuth2's {@code scope}). The name is
     * a claim's own name or, failing that, a dotted path into nested objects ({@code realm_access.roles}), so a
     * namespaced claim such as {@code https://ledger.example.com/roles} works as well as Keycloak's nesting.
     */
    static List<String> values(Map<String, Object> claims, String name) {
        Object value = claims.containsKey(name) ? claims.get(name) : path(claims, name);
        if (value instanceof Collection<?> list) {
            return list.stream().filter(item -> item instanceof String).map(String.class::cast).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }

    private static Object path(Map<String, Object> claims, String dotted) {
        Object current = claims;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(part);
        }
        return current;
    }
}
