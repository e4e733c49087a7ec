package org.integrationledger.app.observability;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestClock;
import org.integrationledger.query.sla.SlaEvaluator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;

/** Prometheus shows SLA gauges, connector command rates and errors, Axon processor metrics; health shows processors. */
class ObservabilityIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private SlaEvaluator evaluator;
    @Autowired
    private SlaMetrics slaMetrics;
    @Autowired
    private TestClock clock;

    @Test
    void prometheusShowsSlaGaugesConnectorCommandsAndProcessorMetrics() {
        String po = newPurchaseOrderId();
        Map<String, Object> approval = requisitionApproval("US01");
        approval.put("occurredAt", clock.instant().minus(31, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/requisition-approval", PROCUREMENT_KEY, approval)
                .status()).isEqualTo(200);
        Map<String, Object> issue = issue("US01", "USD");
        issue.put("occurredAt", Instant.parse(approval.get("occurredAt").toString()).plusSeconds(60).toString());
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issue).status()).isEqualTo(200);
        issue.put("messageId", "msg-again-" + po);
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issue).code())
                .isEqualTo("purchase-order-already-issued");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            LedgerApi.Response clocks = api.get("/api/v1/slas/documents/" + po, REPORTING_KEY);
            return clocks.status() == 200 && clocks.body().findValuesAsText("region").contains("NA");
        });
        evaluator.evaluate();
        slaMetrics.refresh();

        LedgerApi.TextResponse scrape = api.getText("/actuator/prometheus", ADMIN_KEY, "text/plain");
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("ledger_sla_open\\{region=\"NA\",rule=\"po-approved-to-posted\",state=\"BREACHED\"} [1-9]")
                .containsPattern("ledger_sla_notifications\\{status=\"PENDING\"} [1-9]")
                .containsPattern("ledger_connector_commands_seconds_count\\{command=\"IssuePurchaseOrder\","
                        + "connector=\"procurement-connector\",outcome=\"success\"} [1-9]")
                .containsPattern("ledger_connector_commands_seconds_count\\{command=\"IssuePurchaseOrder\","
                        + "connector=\"procurement-connector\",outcome=\"rejected\"} [1-9]")
                .containsPattern("(?m)^eventProcessor_latency.*sla-clocks")
                .containsPattern("(?m)^eventProcessor_capacity.*sla-clocks")
                .containsPattern("(?m)^eventProcessor_successCounter_total\\{eventProcessor=\"sla-clocks\"} [1-9]");
    }

    @Test
    void healthShowsTheEventProcessors() {
        JsonNode open = api.get("/actuator/health", null).body();
        assertThat(open.path("components").path("eventProcessors").path("status").asText()).isEqualTo("UP");
        JsonNode detailed = api.get("/actuator/health", ADMIN_KEY).body();
        JsonNode slaClocks = detailed.path("components").path("eventProcessors").path("details").path("processors")
                .path("sla-clocks");
        assertThat(slaClocks.path("running").asBoolean()).isTrue();
        assertThat(slaClocks.path("segmentsInError").asInt()).isZero();
    }
}
