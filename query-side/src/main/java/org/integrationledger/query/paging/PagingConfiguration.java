package org.integrationledger.query.paging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link PagingSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PagingSettings.class)
class PagingConfiguration {
}
