package org.integrationledger.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.integrationledger.query.sla.SlaQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;


/**
 * Open SLA breaches and at-risk clocks by rule, region and state ({@code ledger.sla.open}), and breach
 * notifications by delivery status ({@code ledger.sla.notifications}), refreshed from the SLA read model on a
 * schedule rather than on each scrape, so a scrape never waits for the database. Absent on a command-only node.
 */
@Component
public class SlaMetrics {

    private final ObjectProvider<SlaQueries> queries;
    private final MultiGauge open;
    private final MultiGauge notifications;

    SlaMetrics(ObjectProvider<SlaQueries> queries, MeterRegistry registry) {
        this.queries = queries;
        this.open = MultiGauge.builder("ledger.sla.open")
                .description("Open SLA clocks needing attention (AT_RISK, BREACHED) by rule and region")
                .register(registry);
        this.notifications = MultiGauge.builder("ledger.sla.notifications")
                .description("SLA breach notifications by delivery status (FAILED ones gave up)")
                .register(registry);
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${ledger.sla.metrics-interval:PT5S}")
    public void refresh() {
        SlaQueries sla = queries.getIfAvailable();
        if (sla == null) {
            return;
        }
        open.register(sla.openCounts().stream()
                .map(count -> MultiGauge.Row.of(Tags.of("rule", count.rule(), "region", count.region(),
                        "state", count.state().name()), count.count()))
                .toList(), true);
        notifications.register(sla.notificationCounts().entrySet().stream()
                .map(count -> MultiGauge.Row.of(Tags.of("status", count.getKey().name()), count.getValue()))
                .toList(), true);
    }
}
