package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the supplier propagation, the SLA trend and the checkpoints over plain HTTP: their exports, the
 * chart and refresh scripts they load, and who may seal and verify checkpoints.
 */
class ConsolePagesIntegrationTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private ConsoleSession browser;

    @BeforeEach
    void newSession() {
        browser = new ConsoleSession("http://localhost:" + port);
    }

    @Test
    void theChartAndRefreshScriptsAreServedFromTheirWebjarsWithoutSignIn() {
        for (String asset : new String[]{"/console/assets/lib/uplot/uPlot.iife.min.js",
                "/console/assets/lib/uplot/uPlot.min.css", "/console/assets/lib/htmx/htmx.min.js"}) {
            HttpResponse<String> served = browser.get(asset);
            assertThat(served.statusCode()).as(asset).isEqualTo(200);
            assertThat(served.body()).as(asset).isNotBlank();
        }
    }

    @Test
    void aViewerReadsTheNewPagesAndTheirExportsButCannotSealOrVerify() {
        browser.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        assertThat(browser.get("/console/suppliers/propagation").statusCode()).isEqualTo(200);
        assertThat(browser.get("/console/suppliers/propagation?system=erp_emea&region=emea&pendingFor=PT4H")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> copies = browser.get("/console/suppliers/propagation?format=csv");
        assertThat(copies.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(copies.body()).startsWith("supplier_id,legal_name,system,region,requested_version,"
                + "acknowledged_version,pending_since,failed_version,last_failure\r\n");
        HttpResponse<String> trend = browser.get("/console/sla/trend?format=csv");
        assertThat(trend.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(trend.body()).startsWith("day,rule,met,met_late\r\n");
        assertThat(browser.get("/console/sla").body()).contains("id=\"sla-trend\"");

        String operations = browser.get("/console/operations").body();
        assertThat(operations).contains("id=\"checkpoint-status\"").doesNotContain("id=\"seal-checkpoint\"");
        String token = csrfOf(operations);
        assertThat(browser.postWithToken("/console/admin/checkpoints/seal", Map.of(), token).statusCode())
                .isEqualTo(403);
        assertThat(browser.postWithToken("/console/admin/checkpoints/verify", Map.of(), token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdminSealsACheckpointAndVerifiesTheChainFromTheOperationsPage() {
        browser.signIn("admin", ConsoleSecurityIntegrationTest.ADMIN_PASSWORD);
        String token = csrfOf(browser.get("/console/operations").body());
        HttpResponse<String> sealed = browser.postWithToken("/console/admin/checkpoints/seal", Map.of(), token);
        assertThat(sealed.statusCode()).isEqualTo(302);
        assertThat(sealed.headers().firstValue("Location").orElseThrow()).endsWith("/console/operations#checkpoints");
        Long newest = jdbc.queryForObject("SELECT max(checkpoint_id) FROM event_chain_checkpoint", Long.class);
        assertThat(newest).as("some events are final by now").isNotNull();

        assertThat(browser.postWithToken("/console/admin/checkpoints/verify", Map.of(), token).statusCode())
                .isEqualTo(302);
        String page = browser.get("/console/operations").body();
        assertThat(page).contains("id=\"seal-checkpoint\"").containsPattern("state-(intact|broken)");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile(">#(\\d+)</span>").matcher(page);
        assertThat(shown.find()).as("the page names the last sealed checkpoint").isTrue();
        // The scheduled sealing may have added one since.
        assertThat(Long.parseLong(shown.group(1))).isGreaterThanOrEqualTo(newest);
    }

    @Test
    void aSortTheListDoesNotKnowIsABadRequest() {
        browser.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        assertThat(browser.get("/console/reconciliation/documents?divergence=NOT_ACKNOWLEDGED&sort=sideways")
                .statusCode()).isEqualTo(400);
        assertThat(browser.get("/console/reconciliation/documents?divergence=NOT_ACKNOWLEDGED&sort=newest")
                .statusCode()).isEqualTo(200);
    }

    private static String csrfOf(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
