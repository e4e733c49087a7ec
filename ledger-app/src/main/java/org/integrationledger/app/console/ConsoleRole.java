package org.integrationledger.app.console;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a console user may do. Every role but {@code viewer} includes it: an auditor, approver or admin reads the
 * boards and documents too.
 */
enum ConsoleRole {
    /** Reads the boards and documents. */
    VIEWER,
    /** Viewer, plus audit history, exports of it, and chain verification. */
    AUDITOR,
    /** Viewer, plus exception overrides within the user's authority. */
    APPROVER,
    /** Viewer, plus rebuilds and checkpoints. */
    ADMIN;

    /** The Spring Security authority of the role ({@code ROLE_VIEWER}, ...). */
    String authority() {
        return "ROLE_" + name();
    }

    /** The roles a configured role grants: itself and, for all but viewer, viewer. */
    Set<ConsoleRole> granted() {
        return this == VIEWER ? EnumSet.of(VIEWER) : EnumSet.of(VIEWER, this);
    }

    static ConsoleRole of(String configured) {
        try {
            return valueOf(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown console role '" + configured
                    + "'; roles are viewer, auditor, approver and admin", e);
        }
    }
}
