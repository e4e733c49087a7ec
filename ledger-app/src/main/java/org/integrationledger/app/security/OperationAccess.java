package org.integrationledger.app.security;

import org.integrationledger.command.connector.ConnectorAuthorization;
import org.integrationledger.model.shared.ErrorCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one API operation needs of its caller: a {@link LedgerRole}, the right to report for the message's system
 * ({@code connector:<system>}), or both. Checked on authorities only, so an API key and a bearer token that carry
 * the same authorities are treated alike.
 *
 * @param role             the role needed, or null when only the system right is
 * @param reportsForSystem whether the caller must speak for a system of record; which one is the message's
 *                         {@code reportingSystem}, checked against {@code SYSTEM_<system>} by
 *                         {@link ConnectorAuthorization} once the body is read
 */
record OperationAccess(LedgerRole role, boolean reportsForSystem) {

    /** How the OpenAPI document names the right to report for the system a message names. */
    static final String CONNECTOR_FOR_REPORTING_SYSTEM = "connector:{reportingSystem}";

    static OperationAccess role(LedgerRole role) {
        return new OperationAccess(role, false);
    }

    static OperationAccess connector() {
        return new OperationAccess(null, true);
    }

    static OperationAccess connectorWithRole(LedgerRole role) {
        return new OperationAccess(role, true);
    }

    /** The {@code x-required-roles} of the operation: the caller needs every entry. */
    List<String> declared() {
        List<String> declared = new ArrayList<>();
        if (role != null) {
            declared.add(role.name().toLowerCase(Locale.ROOT));
        }
        if (reportsForSystem) {
            declared.add(CONNECTOR_FOR_REPORTING_SYSTEM);
        }
        return List.copyOf(declared);
    }

    /** Why a caller holding these authorities may not call the operation; empty when it may. */
    Optional<Refusal> refusalFor(Collection<String> authorities) {
        if (role != null && !authorities.contains(role.authority())) {
            String name = role.name().toLowerCase(Locale.ROOT);
            ErrorCode code = role == LedgerRole.ADMIN ? ErrorCode.ADMIN_REQUIRED : ErrorCode.ROLE_REQUIRED;
            return Optional.of(new Refusal(code, "this operation needs the role " + name, declared()));
        }
        if (reportsForSystem && authorities.stream()
                .noneMatch(authority -> authority.startsWith(ConnectorAuthorization.SYSTEM_AUTHORITY_PREFIX))) {
            return Optional.of(new Refusal(ErrorCode.SYSTEM_NOT_PERMITTED,
                    "this operation needs " + String.join(" and ", declared())
                            + ": a connector bound to the message's reporting system", declared()));
        }
        return Optional.empty();
    }

    /** A refused call: its stable code, a fixed explanation and the roles the operation declares. */
    record Refusal(ErrorCode code, String detail, List<String> requiredRoles) {
    }
}
