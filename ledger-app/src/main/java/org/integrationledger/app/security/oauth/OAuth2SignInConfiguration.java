package org.integrationledger.app.security.oauth;

import org.integrationledger.app.security.ApiSignIn;
import org.integrationledger.app.security.ConsoleSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Company sign-in joins the API's filter chain only where {@code ledger.security.oauth2.issuer-uri} is set, and the
 * console's where {@code ledger.security.oauth2.console.client-id} is set too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OAuth2SignInConfiguration.IssuerConfigured.class)
class OAuth2SignInConfiguration {

    @Bean
    ApiSignIn companySignIn(OAuth2SignInProperties properties) {
        return new CompanySignIn(properties);
    }

    @Bean
    @Conditional(ConsoleClientConfigured.class)
    ConsoleSignIn companyConsoleSignIn(OAuth2SignInProperties properties, ConsoleSignInProperties console) {
        return new CompanyConsoleSignIn(properties, console);
    }

    /** True when the console has a client at the issuer. */
    static final class ConsoleClientConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String client = context.getEnvironment().getProperty("ledger.security.oauth2.console.client-id");
            return client != null && !client.isBlank();
        }
    }

    /** True when an issuer is set: an empty {@code LEDGER_OAUTH2_ISSUER_URI} leaves company sign-in off. */
    static final class IssuerConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String issuer = context.getEnvironment().getProperty("ledger.security.oauth2.issuer-uri");
            return issuer != null && !issuer.isBlank();
        }
    }
}
