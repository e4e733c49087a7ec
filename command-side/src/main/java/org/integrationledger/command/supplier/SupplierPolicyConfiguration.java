package org.integrationledger.command.supplier;

import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supplier rules as beans, so the rules themselves stay plain classes the supplier aggregate can take. */
@Configuration(proxyBeanMethods = false)
class SupplierPolicyConfiguration {

    @Bean
    GoldenRecordOwnership goldenRecordOwnership(SupplierProperties properties, ReferenceDataProperties reference) {
        return new GoldenRecordOwnership(properties, reference);
    }

    @Bean
    BankAccountProtection bankAccountProtection(SupplierProperties properties) {
        return new BankAccountProtection(properties);
    }

    @Bean
    PropagationTargets propagationTargets(LegalEntityRouting routing, SupplierProperties properties) {
        return new PropagationTargets(routing, properties);
    }
}
