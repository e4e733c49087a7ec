package org.integrationledger.app.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Tracing on ({@code ledger.tracing.enabled=true}): one OpenTelemetry SDK for Axon's spans (commands, events,
 * event handlers) and the connector-request spans. Off, Axon's spans go to the global OpenTelemetry, a no-op
 * unless a Java agent supplies one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.tracing", name = "enabled", havingValue = "true")
class TracingConfiguration {

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    OpenTelemetry ledgerOpenTelemetry(TracingProperties tracing) {
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", "integration-ledger",
                        "otel.traces.exporter", tracing.exporter(),
                        "otel.exporter.otlp.endpoint", tracing.endpoint(),
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .build()
                .getOpenTelemetrySdk();
    }

    @Bean
    SpanFactory spanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                // W3C trace context in the messages' metadata, whatever propagators the SDK was given for HTTP.
                .contextPropagators(W3CTraceContextPropagator.getInstance())
                .build();
    }
}
