package org.integrationledger.app.observability;

import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Axon's metrics, with the event processors measured by {@link ProcessorMonitor} (meters registered once)
 * instead of Axon's per-event registering monitors; command bus, event store and query bus keep Axon's own.
 * Replaces the module Axon's auto-configuration would add (it backs off when this bean exists).
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry axonMetrics) {
        return new MetricsConfigurerModule(axonMetrics, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitorFor(axonMetrics, componentType, componentName));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitorFor(GlobalMetricRegistry axonMetrics, Class<?> componentType,
                                                         String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new ProcessorMonitor(componentName, axonMetrics.getRegistry(), Clock.systemUTC());
        }
        return (MessageMonitor<Message<?>>) axonMetrics.registerComponentWithDefaultTags(componentType, componentName);
    }
}
