package org.integrationledger.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorMonitorTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final ProcessorMonitor monitor = new ProcessorMonitor("purchase-order-view", registry,
            Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void countsOutcomesPerProcessorAndMeasuresTheAgeOfTheLastEvent() {
        monitor.onMessageIngested(event(now.minusMillis(250))).reportSuccess();
        monitor.onMessageIngested(event(now.minusMillis(40))).reportIgnored();
        monitor.onMessageIngested(event(now.minusMillis(40))).reportFailure(new IllegalStateException("boom"));

        assertThat(count("eventProcessor.ingestedCounter")).isEqualTo(3);
        assertThat(count("eventProcessor.successCounter")).isEqualTo(1);
        assertThat(count("eventProcessor.ignoredCounter")).isEqualTo(1);
        assertThat(count("eventProcessor.failureCounter")).isEqualTo(1);
        assertThat(registry.get("eventProcessor.latency").tag("eventProcessor", "purchase-order-view").gauge().value())
                .isEqualTo(40.0);
        assertThat(registry.get("eventProcessor.processingTime").timer().count()).isEqualTo(3);
    }

    @Test
    void registersEachMeterOnceWhateverTheNumberOfEvents() {
        int meters = registry.getMeters().size();
        for (int i = 0; i < 100; i++) {
            monitor.onMessageIngested(event(now)).reportSuccess();
        }
        assertThat(registry.getMeters()).hasSize(meters);
        assertThat(registry.get("eventProcessor.capacity").gauge().value()).isBetween(0.0, 1.0);
    }

    private double count(String name) {
        return registry.get(name).tag("eventProcessor", "purchase-order-view").counter().count();
    }

    private static GenericEventMessage<String> event(Instant timestamp) {
        return new GenericEventMessage<>(java.util.UUID.randomUUID().toString(), "payload", java.util.Map.of(),
                timestamp);
    }
}
