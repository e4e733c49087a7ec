package org.integrationledger.command;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the command side. Off with {@code ledger.command-side.enabled=false}, so the same application
 * can run as a query-only process against the same database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.command-side", name = "enabled", matchIfMissing = true)
@ComponentScan
@ConfigurationPropertiesScan
public class CommandSideConfiguration {
}
