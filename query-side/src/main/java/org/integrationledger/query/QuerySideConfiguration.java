package org.integrationledger.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Assembles the query side. Off with {@code ledger.query-side.enabled=false}, so the same application can run
 * as a command-only process against the same database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.query-side", name = "enabled", matchIfMissing = true)
@ComponentScan
@EntityScan(basePackageClasses = QuerySideConfiguration.class)
@EnableJpaRepositories(basePackageClasses = QuerySideConfiguration.class)
public class QuerySideConfiguration {
}
