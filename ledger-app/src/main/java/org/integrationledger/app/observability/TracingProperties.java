package org.integrationledger.app.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OpenTelemetry tracing ({@code ledger.tracing}); off by default, so the ledger makes no network call. When
 * on, the standard {@code OTEL_*} environment variables override these defaults.
 *
 * @param exporter {@code otlp}, {@code logging} or {@code none}
 * @param endpoint the OTLP collector, e.g. {@code http://localhost:4318}
 */
@ConfigurationProperties("ledger.tracing")
public record TracingProperties(boolean enabled, String exporter, String endpoint) {

    public TracingProperties {
        exporter = exporter == null || exporter.isBlank() ? "otlp" : exporter;
        endpoint = endpoint == null || endpoint.isBlank() ? "http://localhost:4318" : endpoint;
    }
}
