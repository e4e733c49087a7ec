package org.integrationledger.app.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A sign-in mode the API accepts beside its API keys (company sign-in, docs/security.md). The API's filter chain
 * applies every such bean last, so a mode may also set the chain's answer to an unauthenticated request.
 */
public interface ApiSignIn {

    /** Adds the mode's authentication to the API's filter chain. */
    void configure(HttpSecurity http) throws Exception;

    /**
     * Whether a bearer value is shaped like a JWT (three dot-separated parts). Such a value is a sign-in token and
     * never an API key, so neither kind of credential is ever tried as the other.
     */
    static boolean looksLikeJwt(String bearer) {
        return bearer != null && bearer.chars().filter(c -> c == '.').count() == 2;
    }
}
