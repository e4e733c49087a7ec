package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.IntegrationLedgerApplication;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.TestClock;
import org.integrationledger.app.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.sla.SlaFixture.PO_RULE;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * Alert on absence survives a restart: a clock started before the ledger went down is breached by the restarted
 * ledger's scheduled evaluator when its limit passes, with no further event for the document.
 */
class SlaRestartIntegrationTest {

    @TempDir
    Path dataDirectory;

    @Test
    void breachesAClockStartedBeforeTheRestartWithoutAnyFurtherEvent() {
        String po = newPurchaseOrderId();
        try (ConfigurableApplicationContext ledger = start()) {
            LedgerApi api = api(ledger);
            Instant approved = ledger.getBean(TestClock.class).instant().minus(29, ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.SECONDS);
            new SlaFixture(api).approve(po, "US01", approved);
            new SlaFixture(api).awaitClock(po, PO_RULE, clock -> !clock.path("state").asText().equals("BREACHED"));
        }

        try (ConfigurableApplicationContext restarted = start()) {
            restarted.getBean(TestClock.class).advance(Duration.ofMinutes(2));
            SlaFixture sla = new SlaFixture(api(restarted));
            JsonNode breached = sla.awaitClock(po, PO_RULE, "BREACHED");
            assertThat(breached.path("stopEvent").isNull()).isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> sla.get("/api/v1/slas/notifications?rule=" + PO_RULE)
                    .findValuesAsText("documentId").contains(po));
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IntegrationLedgerApplication.class, TestClockConfiguration.class).run(
                "--ledger.database.url=",
                "--ledger.database.embedded.data-directory=" + dataDirectory.resolve("postgres"),
                "--ledger.sla.evaluation.interval=PT0.5S",
                "--server.port=0");
    }

    private static LedgerApi api(ConfigurableApplicationContext context) {
        return new LedgerApi("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }
}
