package org.integrationledger.app.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a person or a reading client may do, in the console and in the API alike (docs/security.md). Every role but
 * {@code viewer} includes it: an auditor, approver or admin reads the boards and documents too. A connector's right
 * to report for a system of record is not a role but a system authority ({@code SYSTEM_<system>}).
 */
public enum LedgerRole {
    /** Reads the boards and documents. */
    VIEWER,
    /** Viewer, plus audit history, exports of it, and chain verification. */
    AUDITOR,
    /** Viewer, plus exception overrides within the user's authority. */
    APPROVER,
    /** Viewer, plus rebuilds and checkpoints. */
    ADMIN;

    /** The Spring Security authority of the role ({@code ROLE_VIEWER}, ...). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The roles a configured role grants: itself and, for all but viewer, viewer. */
    public Set<LedgerRole> granted() {
        return this == VIEWER ? EnumSet.of(VIEWER) : EnumSet.of(VIEWER, this);
    }

    public static LedgerRole of(String configured) {
        try {
            return valueOf(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + configured
                    + "'; roles are viewer, auditor, approver and admin", e);
        }
    }
}
