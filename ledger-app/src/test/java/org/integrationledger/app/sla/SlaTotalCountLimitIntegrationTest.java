package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestClock;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.model.sla.RetireSlaRule;
import org.integrationledger.query.sla.SlaEvaluator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * Open-item pages count at most {@code ledger.query.total-count-limit} matches and then say their total is not
 * exact; the history's total stays exact past the limit (it is the sum of its counts). Its own small limit gives
 * this class its own application context, so it is the only one that sets it.
 */
@TestPropertySource(properties = "ledger.query.total-count-limit=2")
class SlaTotalCountLimitIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private TestClock clock;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private SlaEvaluator evaluator;

    @Test
    void aPageWithMoreMatchesThanTheLimitAnswersTheLimitAsATotalThatIsNotExact() {
        SlaFixture sla = new SlaFixture(api);
        String rule = "test-limit-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat((Boolean) commands.sendAndWait(new DefineSlaRule(
                SlaIntegrationTest.testRule(rule, Duration.ofMinutes(30)), clock.instant()))).isTrue();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/slas/rules/" + rule, REPORTING_KEY).status() == 200);
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            List<String> breached = List.of(newPurchaseOrderId(), newPurchaseOrderId(), newPurchaseOrderId());
            breached.forEach(po -> sla.approve(po, "US01", now.minus(40, ChronoUnit.MINUTES)));
            String atRisk = newPurchaseOrderId();
            sla.approve(atRisk, "US01", now.minus(25, ChronoUnit.MINUTES));
            breached.forEach(po -> sla.awaitClock(po, rule, "RUNNING"));
            sla.awaitClock(atRisk, rule, "RUNNING");
            evaluator.evaluate();

            JsonNode overLimit = sla.get("/api/v1/slas/open?state=BREACHED&rule=" + rule + "&size=50");
            assertThat(overLimit.path("total").asLong()).isEqualTo(2);
            assertThat(overLimit.path("totalExact").asBoolean()).isFalse();
            assertThat(overLimit.path("items").findValuesAsText("documentId"))
                    .as("the page itself is not limited").containsExactlyInAnyOrderElementsOf(breached);
            JsonNode withinLimit = sla.get("/api/v1/slas/open?state=AT_RISK&rule=" + rule);
            assertThat(withinLimit.path("total").asLong()).isEqualTo(1);
            assertThat(withinLimit.path("totalExact").asBoolean()).isTrue();

            breached.forEach(po -> sla.posted(po, "ERP_NA", now.minus(1, ChronoUnit.MINUTES)));
            breached.forEach(po -> sla.awaitClock(po, rule, "MET_LATE"));
            JsonNode history = sla.get("/api/v1/slas/history?rule=" + rule + "&from=" + now.minus(1, ChronoUnit.HOURS)
                    + "&to=" + now);
            assertThat(history.path("total").asLong()).isEqualTo(3);
            assertThat(history.path("metLate").asLong()).isEqualTo(3);
            assertThat(history.path("totalExact").asBoolean()).isTrue();
        } finally {
            commands.sendAndWait(new RetireSlaRule(rule, clock.instant()));
            clock.reset();
        }
    }
}
