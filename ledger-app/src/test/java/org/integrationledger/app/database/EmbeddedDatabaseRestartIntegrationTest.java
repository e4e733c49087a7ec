package org.integrationledger.app.database;

import org.integrationledger.app.IntegrationLedgerApplication;
import org.integrationledger.app.support.LedgerApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** The default database is an embedded PostgreSQL that keeps its data: a ledger that forgets is no ledger. */
class EmbeddedDatabaseRestartIntegrationTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsPurchaseOrdersAcrossARestartOfTheEmbeddedDefault() {
        String po = newPurchaseOrderId();
        try (ConfigurableApplicationContext ledger = start()) {
            // A 200 means the commit is on disk: the embedded default does not keep zonky's fast test settings.
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            LedgerApi api = api(ledger);
            assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issue("GB01", "GBP"))
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/v1/purchase-orders/" + po, REPORTING_KEY).status() == 200);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            LedgerApi.Response view = api(restarted).get("/api/v1/purchase-orders/" + po, REPORTING_KEY);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().path("routedTo").asText()).isEqualTo("ERP_EMEA");
            LedgerApi.Response issuedAgain = api(restarted).post("/api/v1/purchase-orders/" + po + "/issue",
                    PROCUREMENT_KEY, issue("GB01", "GBP"));
            assertThat(issuedAgain.code()).as("the aggregate's history survived too")
                    .isEqualTo("purchase-order-already-issued");
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments outrank LEDGER_DB_URL, so this test runs the embedded default even on CI.
        return new SpringApplicationBuilder(IntegrationLedgerApplication.class).run(
                "--ledger.database.url=",
                "--ledger.database.embedded.data-directory=" + dataDirectory.resolve("postgres"),
                "--server.port=0");
    }

    private static LedgerApi api(ConfigurableApplicationContext context) {
        return new LedgerApi("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }
}
