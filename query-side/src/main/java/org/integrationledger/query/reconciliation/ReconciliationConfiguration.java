package org.integrationledger.query.reconciliation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The reconciliation view's settings: the region of each system of record. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SystemRegions.class)
class ReconciliationConfiguration {
}
