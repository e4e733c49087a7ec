package org.integrationledger.query.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the SLA evaluation and webhook settings and checks the configured rules' names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SlaSettings.class, SlaRuleNames.class})
class SlaConfiguration {
}
