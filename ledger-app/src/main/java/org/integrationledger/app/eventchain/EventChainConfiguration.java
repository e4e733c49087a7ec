package org.integrationledger.app.eventchain;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the checkpoint job on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventChainConfiguration {
}
