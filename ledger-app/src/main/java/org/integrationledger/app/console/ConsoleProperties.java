package org.integrationledger.app.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The people who may sign in to the console ({@code ledger.console.users}): per user name, a password hash in
 * Spring Security's delegating format ({@code {bcrypt}$2a$...}; never a clear-text password) and the user's roles
 * (viewer, auditor, approver, admin). A user without roles signs in and is refused every page (403).
 */
@ConfigurationProperties("ledger.console")
public record ConsoleProperties(Map<String, User> users) {

    public ConsoleProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /** One console user: the hash of the password and the roles. */
    public record User(String passwordHash, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
