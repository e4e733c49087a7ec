package org.integrationledger.app.security.oauth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's company sign-in ({@code ledger.security.oauth2.console}): the ledger's OpenID Connect client at the
 * issuer of {@code ledger.security.oauth2.issuer-uri}. Off while {@code client-id} is blank; form login stays.
 *
 * @param clientId     the console's client id at the issuer
 * @param clientSecret its secret (from the environment, never committed)
 * @param nameClaim    the ID token claim shown and recorded as the person's name
 */
@ConfigurationProperties("ledger.security.oauth2.console")
public record ConsoleSignInProperties(String clientId, String clientSecret, String nameClaim) {

    public ConsoleSignInProperties {
        clientId = clientId == null ? "" : clientId.trim();
        nameClaim = nameClaim == null || nameClaim.isBlank() ? "preferred_username" : nameClaim.trim();
    }

    /** Never the secret itself, should the settings ever be printed. */
    @Override
    public String toString() {
        return "ConsoleSignInProperties[clientId=" + clientId + ", clientSecret=[PROTECTED], nameClaim=" + nameClaim
                + "]";
    }

    /** Whether the console offers company sign-in: a client id is configured. */
    public boolean enabled() {
        return !clientId.isEmpty();
    }
}
