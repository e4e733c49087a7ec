package org.integrationledger.app.console;

import org.integrationledger.app.throttling.SignInThrottle;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import java.util.Map;

import org.integrationledger.app.security.ConsoleSignIn;
import org.integrationledger.app.security.LedgerRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for people: form login (and company sign-in, a {@link ConsoleSignIn}, where one is configured), a
 * session, CSRF protection and logout, for {@code /console/**} only. It is
 * ordered before the API's chain, which keeps every other path (stateless, API keys). An API key is not read
 * here, and the console's session is not read there, so neither kind of caller can act as the other.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String LOGIN = "/console/login";

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleUsers users, ObjectProvider<ConsoleSignIn> signIns,
                                        ObjectProvider<SignInThrottle> throttle) throws Exception {
        SignInThrottle signInThrottle = throttle.getIfAvailable();
        AuthenticationManager passwords = signInThrottle == null ? users.authenticationManager()
                : new ThrottledSignIn(users.authenticationManager(), signInThrottle);
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl(LOGIN + "?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN + "?locked"));
        http
                .securityMatcher("/console", "/console/**")
                .authenticationManager(passwords)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN, "/console/assets/**", "/console/denied").permitAll()
                        .requestMatchers("/console/admin/**").hasRole(LedgerRole.ADMIN.name())
                        .requestMatchers("/console/audit/**").hasRole(LedgerRole.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/console/exceptions/*/*/override")
                        .hasRole(LedgerRole.APPROVER.name())
                        .requestMatchers(HttpMethod.GET, "/console", "/console/**").hasRole(LedgerRole.VIEWER.name())
                        // Every action a page may offer is named above; anything else a browser posts is refused.
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .defaultSuccessUrl("/console", false)
                        .failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/console/logout")
                        .logoutSuccessUrl(LOGIN + "?signedOut"))
                .exceptionHandling(handling -> handling.accessDeniedPage("/console/denied"));
        for (ConsoleSignIn signIn : signIns.orderedStream().toList()) {
            signIn.configure(http, passwords);
        }
        return http.build();
    }
}
