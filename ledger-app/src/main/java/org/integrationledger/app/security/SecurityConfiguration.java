package org.integrationledger.app.security;

import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every API call needs a credential: a connector's API key, or a token of a further {@link ApiSignIn} mode (company
 * sign-in) where one is configured; what it may then do is the role table {@link OperationRoles}, checked before the
 * request reaches its handler (so a refused call reads no body and writes nothing). The API documentation and health
 * (with its liveness and readiness groups) are open; every other actuator endpoint needs the admin role. Stateless:
 * no sessions, no cookies, so no CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ACTUATOR = "/actuator";
    private static final OperationAccess ACTUATOR_ACCESS = OperationAccess.role(LedgerRole.ADMIN);

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ConnectorApiKeys apiKeys, ObjectProvider<ApiSignIn> signIns)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> writeProblem(response,
                HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                "a valid API key is required in the X-Api-Key header", List.of());
        AccessDeniedHandler denied = (request, response, e) -> {
            if (e instanceof AuthorizationDeniedException refused
                    && refused.getAuthorizationResult() instanceof Refused decision) {
                OperationAccess.Refusal refusal = decision.refusal();
                writeProblem(response, HttpStatus.FORBIDDEN, refusal.code(), refusal.detail(),
                        refusal.requiredRoles());
            } else {
                writeProblem(response, HttpStatus.FORBIDDEN, ErrorCode.ROLE_REQUIRED,
                        "this credential may not do that", List.of());
            }
        };
        http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                            .requestMatchers(ACTUATOR + "/health/**").permitAll()
                            // Metrics, Prometheus, info and the processors' health details describe the ledger's
                            // inside (names, sizes, JVM flags): an operator's view. Endpoints never exposed answer
                            // 404 even then.
                            .requestMatchers(ACTUATOR, ACTUATOR + "/**").access(enforce(ACTUATOR_ACCESS));
                    OperationRoles.ROUTES.forEach(route -> requests
                            .requestMatchers(route.method(), route.pattern()).access(enforce(route.access())));
                    // No API operation is missing from the table (OperationRolesCheck); what is left are paths and
                    // methods without a handler, answered 404 or 405 to any authenticated caller.
                    requests.anyRequest().authenticated();
                })
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthenticated),
                        AnonymousAuthenticationFilter.class);
        for (ApiSignIn signIn : signIns.orderedStream().toList()) {
            signIn.configure(http);
        }
        return http.build();
    }

    /**
     * Grants or refuses by the caller's authorities alone. An anonymous caller is refused too; Spring Security then
     * answers 401 through the entry point rather than 403.
     */
    private static AuthorizationManager<RequestAuthorizationContext> enforce(OperationAccess access) {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            Set<String> authorities = caller == null || !caller.isAuthenticated() ? Set.of()
                    : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
            return access.refusalFor(authorities).<AuthorizationDecision>map(Refused::new)
                    .orElseGet(() -> new AuthorizationDecision(true));
        };
    }

    /** A refusal that keeps its reason for the problem document. */
    private static final class Refused extends AuthorizationDecision {

        private final OperationAccess.Refusal refusal;

        Refused(OperationAccess.Refusal refusal) {
            super(false);
            this.refusal = refusal;
        }

        OperationAccess.Refusal refusal() {
            return refusal;
        }
    }

    private static void writeProblem(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail,
                                     List<String> requiredRoles) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // Fixed texts and role names only, so no escaping is needed; bytes, so the servlet container adds no legacy
        // charset.
        String roles = requiredRoles.isEmpty() ? "" : ",\"requiredRoles\":[" + requiredRoles.stream()
                .map(role -> "\"" + role + "\"").collect(Collectors.joining(",")) + "]";
        response.getOutputStream().write(("{\"type\":\"" + code.problemType() + "\",\"title\":\""
                + code.code() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"code\":\""
                + code.code() + "\"" + roles + "}").getBytes(StandardCharsets.UTF_8));
    }
}
