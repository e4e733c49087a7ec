package org.integrationledger.app.security.oauth;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in to the console with the company account (OpenID Connect, authorization code) at the issuer the
 * test started, and gets the ledger roles the ID token names; form login stays beside it.
 */
class ConsoleCompanySignInIntegrationTest extends CompanySignInLedgerTest {

    @Test
    void anAuditorSignsInWithTheCompanyAccountAndGetsTheAuditorRole() {
        ConsoleBrowser browser = new ConsoleBrowser(ledger());

        HttpResponse<String> board = browser.signInWithCompanyAccount(TestIssuer.AUDITOR);

        assertThat(board.uri().getPath()).isEqualTo("/console/sla");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains(TestIssuer.AUDITOR.name());
        // Audit pages are for auditors (an unknown document's page is 404, past the role check); admin pages are not.
        assertThat(browser.get(ledger() + "/console/audit/PURCHASE_ORDER/PO-NONE").statusCode()).isIn(200, 404);
        assertThat(browser.get(ledger() + "/console/admin/rebuilds").statusCode()).isEqualTo(403);
    }

    @Test
    void aPersonWithoutLedgerRolesSignsInButSeesNothing() {
        ConsoleBrowser browser = new ConsoleBrowser(ledger());

        HttpResponse<String> board = browser.signInWithCompanyAccount(TestIssuer.NO_LEDGER_ROLE);

        // Signed in, and refused the board: Spring Security forwards to the denied page, the URL stays.
        assertThat(board.uri().getPath()).isEqualTo("/console");
        assertThat(board.statusCode()).isEqualTo(403);
    }

    @Test
    void theApproverRoleIsNotTakenFromACompanyAccount() {
        ConsoleBrowser browser = new ConsoleBrowser(ledger());

        HttpResponse<String> board = browser.signInWithCompanyAccount(TestIssuer.APPROVER_NAMESAKE);

        // An override is recorded as the approver id of the console user of that name; a namesake must not get it.
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("<span class=\"roles\">viewer</span>");
    }

    @Test
    void aRedirectTheLedgerDidNotStartIsRefusedAndThePersonToldSo() {
        ConsoleBrowser browser = new ConsoleBrowser(ledger());

        HttpResponse<String> page = browser.get(ledger() + "/console/login/oauth2/code/company?code=forged&state=x");

        assertThat(page.uri().getPath()).isEqualTo("/console/login");
        assertThat(page.body()).contains("The company sign-in did not succeed");
        assertThat(browser.get(ledger() + "/console").uri().getPath()).isEqualTo("/console/login");
    }

    @Test
    void theSignInPageOffersBothWaysAndFormLoginStillWorks() {
        ConsoleBrowser browser = new ConsoleBrowser(ledger());

        String page = browser.get(ledger() + "/console/login").body();
        HttpResponse<String> signedIn = browser.submit(ledger() + "/console/login", page, "viewer",
                "dev-viewer-password");

        assertThat(page).contains("href=\"/console/oauth2/authorization/company\"");
        assertThat(signedIn.uri().getPath()).isEqualTo("/console/sla");
        assertThat(signedIn.statusCode()).isEqualTo(200);
    }

    /** The ledger as a browser reaches it: by loopback address, which the issuer accepts on any port. */
    private String ledger() {
        return "http://127.0.0.1:" + port();
    }
}
