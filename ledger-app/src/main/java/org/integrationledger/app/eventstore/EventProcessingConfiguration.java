package org.integrationledger.app.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How event processors treat a failing handler. */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    /**
     * Axon's default logs a handler's exception and moves on, so a projection would silently miss the event.
     * Propagating it rolls the batch back (read model and token together) and the processor retries it.
     */
    @Bean
    ConfigurerModule failingHandlersAreRetriedNotSkipped() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
