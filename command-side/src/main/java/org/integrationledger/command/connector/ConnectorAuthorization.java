package org.integrationledger.command.connector;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Rule: a connector speaks only for the systems its API key is bound to. The authentication layer grants
 * one {@code SYSTEM_<id>} authority per bound system; this is where a command's claim is checked against it.
 */
public final class ConnectorAuthorization {

    /** Authority prefix of a system a connector may report for. */
    public static final String SYSTEM_AUTHORITY_PREFIX = "SYSTEM_";

    private ConnectorAuthorization() {
    }

    /** Returns the authenticated connector's id, or throws when it may not report for {@code system}. */
    static String requireMayReportFor(SystemId system) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new RuleViolation(ErrorCode.UNAUTHENTICATED, "no authenticated connector");
        }
        String wanted = SYSTEM_AUTHORITY_PREFIX + system.value();
        boolean permitted = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(wanted::equals);
        if (!permitted) {
            throw new RuleViolation(ErrorCode.SYSTEM_NOT_PERMITTED, "connector " + authentication.getName() + " may not report for system "
                    + system);
        }
        return authentication.getName();
    }
}
