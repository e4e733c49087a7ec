package org.integrationledger.app.security.oauth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Company sign-in ({@code ledger.security.oauth2}): the issuer whose JWT access tokens the API accepts beside the
 * API keys, the audience a token must name, and how its claims become a principal, ledger roles and systems
 * (docs/security.md, "Company sign-in (OAuth2)"). Off while {@code issuer-uri} is blank.
 *
 * @param issuerUri      the issuer ({@code iss}); its OpenID/OAuth2 metadata names the signing keys
 * @param audience       the value a token's {@code aud} must contain, so a token for another API is refused
 * @param principalClaim the claim naming the caller: the principal, connector id and throttling bucket
 * @param rolesClaim     the claim (a dotted path into nested objects) listing roles: {@code viewer}, {@code auditor},
 *                       {@code approver}, {@code admin} or {@code connector:<SYSTEM>}; other values are ignored
 * @param systemsClaim   the claim (a dotted path) listing the systems of record the caller reports for, if any
 * @param roleMapping    the IdP's role or group names translated to ledger roles ({@code Ledger.Admin: [admin]})
 * @param principals     roles and systems granted by principal, for issuers that cannot put them into a token
 * @param clockSkew      how far a token's expiry and not-before may be off the ledger's clock
 */
@ConfigurationProperties("ledger.security.oauth2")
public record OAuth2SignInProperties(String issuerUri, String audience, String principalClaim, String rolesClaim,
                                     String systemsClaim, Map<String, List<String>> roleMapping,
                                     Map<String, Grant> principals, Duration clockSkew) {

    public OAuth2SignInProperties {
        issuerUri = issuerUri == null ? "" : issuerUri.trim();
        principalClaim = blankTo(principalClaim, "sub");
        rolesClaim = blankTo(rolesClaim, "roles");
        systemsClaim = systemsClaim == null ? "" : systemsClaim.trim();
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        principals = principals == null ? Map.of() : Map.copyOf(principals);
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    }

    /** Whether company sign-in is on: an issuer is configured. */
    public boolean enabled() {
        return !issuerUri.isEmpty();
    }

    /** Roles (as in the roles claim) and systems one principal gets whatever its token says. */
    public record Grant(List<String> roles, List<String> systems) {

        public Grant {
            roles = roles == null ? List.of() : List.copyOf(roles);
            systems = systems == null ? List.of() : List.copyOf(systems);
        }
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
