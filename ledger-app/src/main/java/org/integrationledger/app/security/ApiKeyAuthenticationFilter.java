package org.integrationledger.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads the API key from {@code X-Api-Key} (or {@code Authorization: Bearer}, unless the value is a JWT, which is
 * company sign-in's) and authenticates the connector.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final ConnectorApiKeys apiKeys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ConnectorApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
        this.apiKeys = apiKeys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.startsWith(BEARER)) {
            key = authorization.substring(BEARER.length()).trim();
            if (ApiSignIn.looksLikeJwt(key)) {
                key = null;
            }
        }
        if (key != null) {
            try {
                SecurityContextHolder.getContext().setAuthentication(
                        apiKeys.authenticate(ApiKeyAuthentication.presented(key)));
            } catch (AuthenticationException e) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, e);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
