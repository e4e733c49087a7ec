package org.integrationledger.app.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.integrationledger.query.rebuild.ProjectionRebuilds;
import org.integrationledger.query.rebuild.RebuildProgress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Gauges of the latest rebuild per projection ({@code ledger.projection.rebuild.*}, tag {@code projection}):
 * events processed, percent, events per second, ETA in seconds. Absent when the query side is switched off.
 */
@Component
class RebuildMetrics implements MeterBinder {

    private final ObjectProvider<ProjectionRebuilds> rebuilds;

    RebuildMetrics(ObjectProvider<ProjectionRebuilds> rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProjectionRebuilds available = rebuilds.getIfAvailable();
        if (available == null) {
            return;
        }
        for (String projection : available.names()) {
            gauge(registry, available, projection, "events.processed", RebuildProgress::eventsProcessed);
            gauge(registry, available, projection, "percent", RebuildProgress::percent);
            gauge(registry, available, projection, "rate", RebuildProgress::eventsPerSecond);
            gauge(registry, available, projection, "eta.seconds",
                    progress -> progress.etaSeconds() == null ? Double.NaN : progress.etaSeconds());
        }
    }

    private static void gauge(MeterRegistry registry, ProjectionRebuilds rebuilds, String projection, String name,
                              ToDoubleFunction<RebuildProgress> value) {
        Gauge.builder("ledger.projection.rebuild." + name, rebuilds,
                        r -> r.progress(projection).map(value::applyAsDouble).orElse(0.0))
                .tag("projection", projection)
                .register(registry);
    }
}
