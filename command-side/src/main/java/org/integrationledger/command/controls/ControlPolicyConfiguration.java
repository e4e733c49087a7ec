package org.integrationledger.command.controls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The control rules as beans, so the rules themselves stay plain classes the invoice aggregate can take. */
@Configuration(proxyBeanMethods = false)
class ControlPolicyConfiguration {

    @Bean
    BeneficiaryControl beneficiaryControl(ControlProperties properties) {
        return new BeneficiaryControl(properties);
    }
}
