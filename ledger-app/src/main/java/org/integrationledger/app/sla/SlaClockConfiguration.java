package org.integrationledger.app.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one clock SLA clocks are evaluated against (and rule changes are dated with); tests replace it with one
 * they can advance, so every transition can be tested without waiting.
 */
@Configuration(proxyBeanMethods = false)
class SlaClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
