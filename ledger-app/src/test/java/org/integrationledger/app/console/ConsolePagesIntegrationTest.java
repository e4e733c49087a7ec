package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerApi;
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
    void everyNodeShowsTheLastWholeStoreVerificationWhoeverRanItAndWhereverItRan() {
        long before = jdbc.queryForObject("SELECT count(*) FROM chain_verification", Long.class);
        LedgerApi.Response scoped = api.post("/api/v1/audit/verification?fromIndex=1&toIndex=1",
                LedgerApi.AUDITOR_KEY, "");
        assertThat(scoped.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM chain_verification", Long.class))
                .as("a verification of a range proves less and is not recorded").isEqualTo(before);

        LedgerApi.Response whole = api.post("/api/v1/audit/verification", LedgerApi.AUDITOR_KEY, "");
        assertThat(whole.status()).isEqualTo(200);
        Map<String, Object> recorded = jdbc.queryForMap("""
                SELECT requested_by, requested_via, intact, events_checked FROM chain_verification
                ORDER BY id DESC LIMIT 1""");
        assertThat(recorded).containsEntry("requested_by", "auditor").containsEntry("requested_via", "API")
                .containsEntry("intact", whole.body().path("intact").asBoolean())
                .containsEntry("events_checked", whole.body().path("eventsChecked").asLong());

        // The page reads the record, not this process's memory: what another node (or a process since restarted)
        // verified shows the same way.
        jdbc.update("""
                INSERT INTO chain_verification (ended_at, requested_by, requested_via, intact, events_checked,
                    aggregates_checked, checkpoints_checked, sealed_up_to, broken_links, first_broken_problem,
                    first_broken_global_index, first_broken_detail)
                VALUES (now() + interval '1 second', 'auditor-on-node-2', 'API', false, 10, 2, 1, 5, 1,
                    'hash-mismatch', 7, 'event 7 was altered')""");
        browser.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        String page = browser.get("/console/operations").body();
        assertThat(page).contains("id=\"verified-by\">auditor-on-node-2<").contains("state-broken")
                .contains("hash-mismatch at global index 7: event 7 was altered");
        jdbc.update("DELETE FROM chain_verification WHERE requested_by = 'auditor-on-node-2'");
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
