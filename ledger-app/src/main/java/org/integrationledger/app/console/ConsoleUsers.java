package org.integrationledger.app.console;

import org.integrationledger.app.security.LedgerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console's own sign-in: the configured users, checked against their password hashes. It is not the API's
 * authentication manager, so an API key never signs in here and a console user is no connector.
 */
@Component
class ConsoleUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleUsers.class);

    /**
     * The hashes of the development users the embedded default ships (README, "Console"); their passwords are
     * public, so a start-up that still has one of them warns.
     */
    static final Set<String> DEVELOPMENT_HASHES = Set.of(
            "{bcrypt}$2a$10$dU3ykO3/1o/UUMZeNEX4.OshzemaW6kUhg.24OlVuGrCi3SDF54Lq",
            "{bcrypt}$2a$10$DSJfivpnA/Hl5sKDaT8RielWCOFplBRZUzh3IHFbVWmOALy9L4Uzq",
            "{bcrypt}$2a$10$gXNZQU3nQoU926y4yRxrWOsUZkdJhJWKRV14atrYAfbMI/MhvMAbC",
            "{bcrypt}$2a$10$p9T6NfuK.OZks.rQCK0Jse3oWcl9G9bD3umzb2Y3x8N0PCsh3ByvC",
            "{bcrypt}$2a$10$wpQhUE18bYWSWtNWg8JoLuQ2/3gk3Gx1bZHQIBOCwcqJGyVNrXe1.");

    /** The longest approver id an override can carry ({@code OverrideInvoiceException.approvedBy}). */
    static final int APPROVER_ID_MAX = 128;

    private final AuthenticationManager authentication;
    private final Map<String, String> approverIds = new HashMap<>();

    ConsoleUsers(ConsoleProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> users = new ArrayList<>();
        Set<String> development = new TreeSet<>();
        properties.users().forEach((name, user) -> {
            String hash = user.passwordHash() == null ? "" : user.passwordHash().trim();
            if (!hash.startsWith("{") || hash.startsWith("{noop}")) {
                throw new IllegalStateException("ledger.console.users." + name + ".password-hash must be a hash "
                        + "with its algorithm, e.g. {bcrypt}$2a$10$..., never a clear-text password");
            }
            if (DEVELOPMENT_HASHES.contains(hash)) {
                development.add(name);
            }
            List<LedgerRole> roles = user.roles().stream().map(LedgerRole::of).toList();
            approverIdOf(name, user, roles).ifPresent(approverId -> approverIds.put(name, approverId));
            users.add(User.withUsername(name).password(hash)
                    .authorities(roles.stream().flatMap(role -> role.granted().stream())
                            .distinct().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
                    .build());
        });
        if (!development.isEmpty()) {
            LOG.warn("Console users {} sign in with the public development passwords of the README; set "
                    + "ledger.console.users.<name>.password-hash (LEDGER_CONSOLE_*_PASSWORD_HASH) wherever the data "
                    + "matters", development);
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        provider.setPasswordEncoder(encoder);
        this.authentication = new ProviderManager(provider);
    }

    AuthenticationManager authenticationManager() {
        return authentication;
    }

    /** The person a signed-in approver overrides as; empty for a user without the approver role. */
    Optional<String> approverId(String user) {
        return Optional.ofNullable(approverIds.get(user));
    }

    /**
     * An approver acts as one person, named as the queues' approver lists name people, so the four-eyes rule can
     * compare them with an invoice's submitter; a console user name is no such name, hence the setting.
     */
    private static Optional<String> approverIdOf(String name, ConsoleProperties.User user, List<LedgerRole> roles) {
        boolean approver = roles.contains(LedgerRole.APPROVER);
        String approverId = user.approverId();
        if (approver && approverId == null) {
            throw new IllegalStateException("console user " + name + " has the approver role but no "
                    + "ledger.console.users." + name + ".approver-id: set it to the person's id as listed in "
                    + "ledger.invoice.queues.<queue>.approvers (e.g. emea.controller@example.com)");
        }
        if (!approver && approverId != null) {
            throw new IllegalStateException("console user " + name + " has ledger.console.users." + name
                    + ".approver-id but not the approver role; add the role or remove the approver id");
        }
        if (approverId != null && approverId.length() > APPROVER_ID_MAX) {
            throw new IllegalStateException("ledger.console.users." + name + ".approver-id is longer than "
                    + APPROVER_ID_MAX + " characters");
        }
        if (approver && ConsoleOverrides.connectorOf(name).length() > ConsoleOverrides.CONNECTOR_ID_MAX) {
            throw new IllegalStateException("console user name " + name + " is too long for an approver: its "
                    + "overrides are recorded as sent by " + ConsoleOverrides.connectorOf(name) + ", at most "
                    + ConsoleOverrides.CONNECTOR_ID_MAX + " characters");
        }
        return Optional.ofNullable(approverId);
    }
}
