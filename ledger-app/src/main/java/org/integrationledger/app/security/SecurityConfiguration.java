package org.integrationledger.app.security;

import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Every API call needs a connector's API key (or a token of a further {@link ApiSignIn} mode, such as company
 * sign-in, where one is configured); the API documentation and health (with its liveness and readiness
 * groups) are open; every other actuator endpoint needs an operations-admin key. Stateless: no sessions, no
 * cookies, so no CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The authority of a key configured with {@code operations-admin: true}. */
    static final String OPERATIONS_ADMIN = "OPERATIONS_ADMIN";
    private static final String OPERATIONS = "/api/v1/operations";
    private static final String REBUILDS = "/api/v1/audit/projections";
    private static final String ACTUATOR = "/actuator";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ConnectorApiKeys apiKeys, ObjectProvider<ApiSignIn> signIns)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> writeProblem(response,
                HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                "a valid API key is required in the X-Api-Key header");
        AccessDeniedHandler denied = (request, response, e) -> {
            String path = request.getRequestURI();
            if (path.startsWith(OPERATIONS) || path.startsWith(REBUILDS) || path.startsWith(ACTUATOR)) {
                writeProblem(response, HttpStatus.FORBIDDEN, ErrorCode.ADMIN_REQUIRED,
                        "this operation needs an API key with operations-admin");
            } else {
                writeProblem(response, HttpStatus.FORBIDDEN, ErrorCode.SYSTEM_NOT_PERMITTED,
                        "this API key may not do that");
            }
        };
        http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(ACTUATOR + "/health/**").permitAll()
                        // Metrics, Prometheus, info and the processors' health details describe the ledger's inside
                        // (names, sizes, JVM flags): an operator's view. Endpoints never exposed answer 404 even then.
                        .requestMatchers(ACTUATOR, ACTUATOR + "/**").hasAuthority(OPERATIONS_ADMIN)
                        // Reading the operations is for any key; acting on them (retry, evict) only for an admin.
                        .requestMatchers(HttpMethod.GET, OPERATIONS + "/**").authenticated()
                        .requestMatchers(OPERATIONS + "/**").hasAuthority(OPERATIONS_ADMIN)
                        // A rebuild holds the projections' processors for its switch and a heap's worth of states:
                        // starting one is an operator's decision; following it and reading checksums is not.
                        .requestMatchers(HttpMethod.POST, REBUILDS + "/**").hasAuthority(OPERATIONS_ADMIN)
                        .anyRequest().authenticated())
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

    private static void writeProblem(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // Fixed texts only, so no escaping is needed; bytes, so the servlet container adds no legacy charset.
        response.getOutputStream().write(("{\"type\":\"" + code.problemType() + "\",\"title\":\""
                + code.code() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"code\":\""
                + code.code() + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
