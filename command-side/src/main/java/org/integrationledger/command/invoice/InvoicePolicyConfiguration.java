package org.integrationledger.command.invoice;

import org.integrationledger.command.routing.ReferenceDataProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The invoice rules as beans, so the rules themselves stay plain classes the invoice aggregate can take. */
@Configuration(proxyBeanMethods = false)
class InvoicePolicyConfiguration {

    @Bean
    MatchingTolerances matchingTolerances(InvoiceProperties properties) {
        return new MatchingTolerances(properties);
    }

    @Bean
    DuplicateSuspicion duplicateSuspicion(InvoiceProperties properties) {
        return new DuplicateSuspicion(properties);
    }

    @Bean
    ExceptionRouting exceptionRouting(InvoiceProperties properties) {
        return new ExceptionRouting(properties);
    }

    @Bean
    OverrideAuthority overrideAuthority(InvoiceProperties properties) {
        return new OverrideAuthority(properties);
    }

    @Bean
    TaxRegimes taxRegimes(ReferenceDataProperties reference, InvoiceProperties properties) {
        return new TaxRegimes(reference, properties);
    }
}
