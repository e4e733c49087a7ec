package org.integrationledger.app.console;

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
import java.util.List;
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
            "{bcrypt}$2a$10$p9T6NfuK.OZks.rQCK0Jse3oWcl9G9bD3umzb2Y3x8N0PCsh3ByvC");

    private final AuthenticationManager authentication;

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
            users.add(User.withUsername(name).password(hash)
                    .authorities(user.roles().stream().map(ConsoleRole::of)
                            .flatMap(role -> role.granted().stream())
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
}
