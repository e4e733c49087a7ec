package org.integrationledger.app.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A sign-in mode the console offers beside its form login (company sign-in through OpenID Connect,
 * docs/security.md). The console's filter chain applies every such bean last; its sign-in page links to
 * {@link #startPath()}.
 */
public interface ConsoleSignIn {

    /** The console path that starts this sign-in, for the sign-in page's link. */
    String startPath();

    /**
     * Adds the mode's sign-in to the console's filter chain, whose authentication manager for people signing in with
     * a password is {@code formLogin}; the mode sets one that tries its own way first, then that one.
     */
    void configure(HttpSecurity http, AuthenticationManager formLogin) throws Exception;
}
