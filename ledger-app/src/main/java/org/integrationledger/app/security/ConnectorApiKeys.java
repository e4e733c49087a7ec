package org.integrationledger.app.security;

import org.integrationledger.command.connector.ConnectorAuthorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * Authenticates API keys against their configured SHA-256 hashes. Keys are long random secrets, so a fast
 * unsalted hash suffices (as for GitHub tokens); a slow password hash would cost every request.
 */
@Component
class ConnectorApiKeys implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorApiKeys.class);

    /**
     * The hashes of the development keys the embedded default ships (README, "The API in five requests"); the keys
     * are public, so a start-up that still accepts one of them warns.
     */
    static final Set<String> DEVELOPMENT_HASHES = Set.of(
            "66415631194c3b1edcb07c837b384593682e226fde5a66bb6de80dde54909e73",
            "72cf80e8c6aff12a22b7dbd9d41b6735c9bdfba1b5c889fff27d686b57e07b9c",
            "19802a68df6d92bc91d49032e1d2968ede4624916d843c1c43e4d9ac1b609a04",
            "5616936c63b78fd39f8fe3a58c2ae4f056189690f1301944f6450dd698d229c1",
            "90e45632eee37ff6c4e989ef958c0ed0fa17afe70497ca3bc47697242dfbc59b",
            "853758b334991a1312461278a5c34ba9d9000dc45a2a947925fa7eb427c7bede",
            "46151c35c1c09bca0b049ce55099e4f67fd04efe91716eec70fd1fa8ce898163",
            "0b63e83b488476b48c4b5bac93ec4882d6b250c0c27b8fee0370599998f870e8");

    private final Map<String, ApiKeyAuthentication> connectorsByKeyHash = new HashMap<>();

    ConnectorApiKeys(ConnectorSecurityProperties properties) {
        Set<String> development = new TreeSet<>();
        properties.connectors().forEach((connectorId, connector) -> {
            String hash = connector.apiKeySha256().trim().toLowerCase(Locale.ROOT);
            if (DEVELOPMENT_HASHES.contains(hash)) {
                development.add(connectorId);
            }
            if (connectorsByKeyHash.put(hash, ApiKeyAuthentication.of(connectorId, authorities(connector))) != null) {
                throw new IllegalStateException("two connectors share one API key hash; give " + connectorId
                        + " its own key");
            }
        });
        if (!development.isEmpty()) {
            LOG.warn("API keys of {} are the public development keys of the README; set "
                    + "ledger.security.connectors.<id>.api-key-sha256 (LEDGER_KEY_*_SHA256) wherever the data "
                    + "matters", development);
        }
    }

    /**
     * The authorities of a key: one {@code SYSTEM_<system>} per system it reports for and the {@link LedgerRole}
     * authorities its roles grant. A bearer token of the company's identity provider maps to the same authorities,
     * so every check reads authorities, never the kind of credential.
     */
    static List<GrantedAuthority> authorities(ConnectorSecurityProperties.Connector connector) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        connector.systems().forEach(system -> authorities.add(
                new SimpleGrantedAuthority(ConnectorAuthorization.SYSTEM_AUTHORITY_PREFIX + system)));
        connector.roles().stream()
                .map(LedgerRole::of)
                .flatMap(role -> role.granted().stream())
                .distinct()
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return authorities;
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
