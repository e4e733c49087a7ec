package org.integrationledger.command.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference-data rules as beans, so the rules themselves stay plain classes the aggregates can take. */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

    @Bean
    SystemRegistry systemRegistry(ReferenceDataProperties reference) {
        return new SystemRegistry(reference);
    }

    @Bean
    LegalEntityRouting legalEntityRouting(ReferenceDataProperties reference) {
        return new LegalEntityRouting(reference);
    }

    @Bean
    LegalEntityCurrencies legalEntityCurrencies(ReferenceDataProperties reference) {
        return new LegalEntityCurrencies(reference);
    }
}
