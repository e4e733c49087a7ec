package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;

/**
 * Sign-in to the console over plain HTTP: form login with CSRF, roles per page and action, and the wall between
 * console sessions and connector API keys in both directions.
 */
class ConsoleSecurityIntegrationTest extends LedgerIntegrationTest {

    static final String VIEWER_PASSWORD = "dev-viewer-password";
    static final String AUDITOR_PASSWORD = "dev-auditor-password";
    static final String ADMIN_PASSWORD = "dev-admin-password";

    @LocalServerPort
    private int port;

    private ConsoleSession browser;

    @BeforeEach
    void newSession() {
        browser = new ConsoleSession("http://localhost:" + port);
    }

    @Test
    void aPageWithoutSignInLeadsToTheLoginForm() {
        HttpResponse<String> page = browser.get("/console/sla");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
    }

    @Test
    void aViewerSignsInReadsTheBoardsAndSignsOut() {
        HttpResponse<String> signedIn = browser.signIn("viewer", VIEWER_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        for (String page : new String[]{"/console/sla", "/console/sla/clocks", "/console/reconciliation",
                "/console/reconciliation/documents", "/console/exceptions", "/console/exceptions?status=&kind=TAX_FAILURE",
                "/console/operations", "/console/search"}) {
            assertThat(browser.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(browser.get("/console/operations").body()).doesNotContain("class=\"rebuild\"");

        HttpResponse<String> signedOut = browser.post("/console/logout", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?signedOut");
        assertThat(browser.get("/console/sla").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordSignsNobodyIn() {
        HttpResponse<String> refused = browser.signIn("viewer", "not-the-password");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
        assertThat(browser.get("/console/sla").statusCode()).isEqualTo(302);
    }

    @Test
    void fiveWrongPasswordsPauseTheNameEvenForTheRightPasswordAndOnlyThatName() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = browser.signIn("lockout-tester", "guess-" + attempt);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).as("attempt %d", attempt)
                    .endsWith("/console/login?error");
        }
        HttpResponse<String> paused = browser.signIn("lockout-tester", VIEWER_PASSWORD);
        assertThat(paused.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?locked");
        assertThat(browser.get("/console/sla").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(browser.get("/console/login?locked").body()).contains("Too many failed sign-ins");
        // The same name in other case is the same person to the throttle.
        assertThat(browser.signIn("LOCKOUT-TESTER", VIEWER_PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/console/login?locked");

        ConsoleSession other = new ConsoleSession("http://localhost:" + port);
        HttpResponse<String> viewer = other.signIn("viewer", VIEWER_PASSWORD);
        assertThat(viewer.headers().firstValue("Location").orElseThrow()).as("another name signs in")
                .doesNotContain("locked").doesNotContain("error");
        assertThat(other.get("/console/sla").statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> refused = browser.postWithToken("/console/login",
                Map.of("username", "viewer", "password", VIEWER_PASSWORD), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/sla").statusCode()).isEqualTo(302);
    }

    @Test
    void aViewerCannotReachAdminActionsNorAuditHistory() {
        browser.signIn("viewer", VIEWER_PASSWORD);
        HttpResponse<String> rebuild = browser.post("/console/admin/rebuilds/reconciliation", Map.of());
        assertThat(rebuild.statusCode()).isEqualTo(403);
        assertThat(rebuild.body()).contains("Not allowed");
        assertThat(browser.get("/console/audit/purchase-order/PO-ANY").statusCode()).isEqualTo(403);
    }

    @Test
    void anAuditorReadsAuditHistoryAndAnAdminSeesRebuilds() {
        browser.signIn("auditor", AUDITOR_PASSWORD);
        assertThat(browser.get("/console/audit/purchase-order/PO-NONE").statusCode()).isEqualTo(200);

        ConsoleSession admin = new ConsoleSession("http://localhost:" + port);
        admin.signIn("admin", ADMIN_PASSWORD);
        assertThat(admin.get("/console/operations").body()).contains("class=\"rebuild\"");
        assertThat(admin.get("/console/audit/purchase-order/PO-NONE").statusCode()).as("admin is not auditor").isEqualTo(403);
    }

    @Test
    void aUserWithoutARoleIsRefusedEveryPage() {
        assertThat(browser.signIn("no-role", VIEWER_PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/console");
        assertThat(browser.get("/console/sla").statusCode()).isEqualTo(403);
    }

    @Test
    void anApiKeyDoesNotOpenTheConsoleAndASessionDoesNotOpenTheApi() {
        assertThat(browser.get("/console/sla", Map.of("X-Api-Key", ADMIN_KEY)).statusCode()).isEqualTo(302);

        browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(browser.get("/api/v1/reconciliation/counts").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/reconciliation/counts", REPORTING_KEY).status()).as("the API is unchanged")
                .isEqualTo(200);
    }

    @Test
    void anUnknownDocumentIs404AndAFilterTheLedgerCannotReadIs400AsPages() {
        browser.signIn("viewer", VIEWER_PASSWORD);
        HttpResponse<String> unknown = browser.get("/console/documents/purchase-order/PO-NOBODY-KNOWS");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(browser.get("/console/reconciliation/documents?divergence=LATE").statusCode()).isEqualTo(400);
        assertThat(browser.get("/console/reconciliation/documents?divergentFor=soon").statusCode()).isEqualTo(400);
    }

    @Test
    void everyTableExportsCsv() {
        browser.signIn("auditor", AUDITOR_PASSWORD);
        for (String page : new String[]{"/console/sla?format=csv", "/console/sla/clocks?format=csv",
                "/console/reconciliation?format=csv", "/console/reconciliation/documents?format=csv",
                "/console/exceptions?format=csv", "/console/operations?format=csv"}) {
            HttpResponse<String> csv = browser.get(page);
            assertThat(csv.statusCode()).as(page).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).as(page).startsWith("text/csv");
            assertThat(csv.body().lines().findFirst().orElseThrow()).as(page).contains(",");
        }
    }
}
