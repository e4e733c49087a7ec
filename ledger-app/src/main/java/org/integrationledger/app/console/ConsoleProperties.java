package org.integrationledger.app.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.List;
import java.util.Map;

/**
 * The people who may sign in to the console ({@code ledger.console.users}): per user name, a password hash in
 * Spring Security's delegating format ({@code {bcrypt}$2a$...}; never a clear-text password), the user's roles
 * (viewer, auditor, approver, admin) and, for an approver, the person they approve as. A user without roles signs
 * in and is refused every page (403).
 */
@ConfigurationProperties("ledger.console")
public record ConsoleProperties(Map<String, User> users) {

    public ConsoleProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /**
     * One console user: the hash of the password, the roles, and for the approver role the approver id
     * ({@code approver-id}), the name under which {@code ledger.invoice.queues.<queue>.approvers} lists the person
     * and their overrides are recorded.
     */
    public record User(String passwordHash, List<String> roles, String approverId) {

        @ConstructorBinding
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            approverId = approverId == null || approverId.isBlank() ? null : approverId.strip();
        }

        public User(String passwordHash, List<String> roles) {
            this(passwordHash, roles, null);
        }
    }
}
