package org.integrationledger.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.sla.SlaEvaluator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * The supplier propagation page, the SLA breach trend, the age sort of the reconciliation list and the checkpoints
 * of the operations page in headless Chromium, with the same set-up and skip rule as {@link ConsoleBrowserTest}
 * (and its application context). Traffic goes through the connector API; pages are photographed the same way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserTest extends LedgerIntegrationTest {

    private static ConsoleBrowser console;
    private static WebDriver browser;

    @LocalServerPort
    private int port;
    @Autowired
    private SlaEvaluator evaluator;

    @BeforeAll
    static void startBrowser() {
        console = ConsoleBrowser.start();
        browser = console.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @BeforeEach
    void signedOut() {
        console.at(port);
        // Off the last page first: its refreshing sections would otherwise start a new session behind the test's back.
        browser.get("about:blank");
        browser.manage().deleteAllCookies();
    }

    @Test
    @Order(1)
    void thePropagationPageListsAPendingCopyOldestFirstWithTheApisCount() {
        Instant sixHoursAgo = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String stuck = newSupplierId();
        ok(path(stuck, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(stuck, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(stuck, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-9", sixHoursAgo));
        String filter = "system=ERP_EMEA&region=EMEA&size=500";
        JsonNode pending = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/supplier-copies/unacknowledged?unacknowledgedFor=PT2H&" + filter,
                        REPORTING_KEY).body(),
                page -> page.path("items").findValuesAsText("supplierId").contains(stuck));

        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/suppliers/propagation?pendingFor=PT2H&" + filter);
        assertThat(Long.parseLong(browser.findElement(By.id("pending-total")).getText()))
                .isEqualTo(pending.path("totalItems").asLong());
        List<Instant> since = browser.findElements(By.cssSelector("#pending-copies td.pending-since time")).stream()
                .map(time -> Instant.parse(time.getAttribute("datetime"))).toList();
        assertThat(since).isNotEmpty().isSorted();
        assertThat(browser.findElement(By.id("propagation-systems")).getText()).contains("ERP_EMEA");
        console.screenshot("supplier-propagation");
        console.clickAndWait(By.linkText(stuck));
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(stuck);
    }

    @Test
    @Order(2)
    void theBreachTrendChartsTheSameNumbersAsTheSlaHistory() {
        // Approved three hours ago, posted now: the approval-to-posting clock (limit 30 minutes) stops late today.
        String late = newPurchaseOrderId();
        Instant approvedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> approval = requisitionApproval("DE01");
        approval.put("occurredAt", approvedAt.toString());
        ok("/api/v1/purchase-orders/" + late + "/requisition-approval", PROCUREMENT_KEY, approval);
        Map<String, Object> issued = issue("DE01", "EUR");
        issued.put("occurredAt", approvedAt.plusSeconds(60).toString());
        ok("/api/v1/purchase-orders/" + late + "/issue", PROCUREMENT_KEY, issued);
        Map<String, Object> posting = erpPosting("ERP_EMEA", 1, "E-" + late);
        posting.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ok("/api/v1/purchase-orders/" + late + "/erp-postings", ERP_EMEA_KEY, posting);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            evaluator.evaluate();
            return api.get("/api/v1/slas/documents/" + late, REPORTING_KEY).body().findValuesAsText("state")
                    .contains("MET_LATE");
        });

        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/sla");
        WebElement chart = browser.findElement(By.id("sla-trend-chart"));
        assertThat(chart.getAttribute("data-rendered")).isEqualTo("true");
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        List<String> rules = browser.findElements(By.cssSelector("#sla-trend-table thead th[data-rule]")).stream()
                .map(th -> th.getAttribute("data-rule")).toList();
        assertThat(rules).contains("po-approved-to-posted");
        List<WebElement> days = browser.findElements(By.cssSelector("#sla-trend-table tbody tr"));
        assertThat(days).hasSize(30);
        long onPage = 0;
        long inHistory = 0;
        for (WebElement day : days) {
            LocalDate date = LocalDate.parse(day.getAttribute("data-day"));
            List<WebElement> cells = day.findElements(By.cssSelector("td[data-rule]"));
            for (int i = 0; i < rules.size(); i++) {
                long shown = Long.parseLong(cells.get(i).getText());
                long history = api.get("/api/v1/slas/history?rule=" + rules.get(i) + "&from=" + date
                        + "T00:00:00Z&to=" + date.plusDays(1) + "T00:00:00Z&size=1", REPORTING_KEY)
                        .body().path("metLate").asLong();
                assertThat(shown).as(rules.get(i) + " on " + date).isEqualTo(history);
                onPage += shown;
                inHistory += history;
            }
        }
        assertThat(onPage).isPositive().isEqualTo(inHistory);
        console.scrollTo("sla-trend");
        console.screenshot("sla-trend");
    }

    @Test
    @Order(3)
    void sortingTheDrillDownByAgeTurnsItsOrderAround() {
        // Two orders issued an hour apart that their ERP never acknowledges: at least two divergences of one kind.
        List<String> unacknowledged = new ArrayList<>();
        for (int hoursAgo : new int[]{5, 4}) {
            String order = newPurchaseOrderId();
            Map<String, Object> issued = issue("DE01", "EUR");
            issued.put("occurredAt", Instant.now().minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            ok("/api/v1/purchase-orders/" + order + "/issue", PROCUREMENT_KEY, issued);
            unacknowledged.add(order);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> unacknowledged.stream().allMatch(order -> api.get(
                "/api/v1/reconciliation/PURCHASE_ORDER/" + order, REPORTING_KEY).status() == 200));
        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/reconciliation/documents?divergence=NOT_ACKNOWLEDGED&size=500");
        List<Instant> oldestFirst = divergentSince();
        List<String> idsOldestFirst = documentIds();
        assertThat(oldestFirst).hasSizeGreaterThanOrEqualTo(2).isSorted();
        console.clickAndWait(By.cssSelector("#sort-since a"));
        // The page size travels with the sort (it did not, and a shared database's longer list came back as 50 rows).
        assertThat(browser.getCurrentUrl()).contains("sort=newest").contains("divergence=NOT_ACKNOWLEDGED")
                .contains("size=500");
        List<Instant> newestFirst = divergentSince();
        assertThat(newestFirst).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        long total = Long.parseLong(browser.findElement(By.id("document-total")).getText());
        if (total <= 500) {
            List<String> reversed = new ArrayList<>(idsOldestFirst);
            java.util.Collections.reverse(reversed);
            assertThat(documentIds()).isEqualTo(reversed);
        }
        console.clickAndWait(By.cssSelector("#sort-age a"));
        assertThat(browser.getCurrentUrl()).contains("sort=oldest");
        assertThat(divergentSince()).isSorted();
    }

    @Test
    @Order(4)
    void aViewerSeesNoCheckpointButtonAndIsRefusedItsPost() {
        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/operations");
        assertThat(browser.findElement(By.id("checkpoint-status")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("seal-checkpoint"))).isEmpty();
        assertThat(browser.findElements(By.id("verify-chain"))).isEmpty();
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var token = document.querySelector('input[name=_csrf]').value;
                fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: '_csrf=' + encodeURIComponent(token)}).then(function (r) { done(r.status); });""",
                "/console/admin/checkpoints/seal");
        assertThat(((Number) status).intValue()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void anAdminSealsAndVerifiesAndSeesTheStatusTheApiReports() {
        console.signIn("admin", ConsoleSecurityIntegrationTest.ADMIN_PASSWORD);
        console.open("/console/operations");
        console.clickAndWait(By.id("seal-checkpoint"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).startsWith("Sealed up to global index");
        assertThat(browser.findElement(By.id("checkpoint-latest")).getText()).startsWith("#");
        console.clickAndWait(By.id("verify-chain"));
        String state = browser.findElement(By.cssSelector("#verification-state .state")).getText();
        LedgerApi.Response verified = api.post("/api/v1/audit/verification", AUDITOR_KEY, Map.of());
        assertThat(verified.status()).isEqualTo(200);
        // Other tests of this context may have tampered with their own events: the page says what the API says.
        assertThat(state).isEqualTo(verified.body().path("intact").asBoolean() ? "INTACT" : "BROKEN");
        assertThat(browser.findElement(By.id("verification")).getText()).contains("by admin");
        // The processor table refreshes itself in place (htmx, every 5 s).
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                driver.findElement(By.tagName("body")).getAttribute("data-refreshes") != null);
        assertThat(browser.findElements(By.cssSelector("#processors tbody tr"))).isNotEmpty();
        console.screenshot("operations");
    }

    @Test
    @Order(6)
    void aRefreshAfterTheSessionEndedLeadsToTheSignInPage() {
        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/operations");
        browser.manage().deleteAllCookies();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl()
                .endsWith("/console/login"));
        assertThat(browser.findElement(By.id("username")).isDisplayed()).isTrue();
    }

    private List<Instant> divergentSince() {
        return browser.findElements(By.cssSelector("#documents tbody tr td:nth-last-child(2) time")).stream()
                .map(time -> Instant.parse(time.getAttribute("datetime"))).toList();
    }

    private List<String> documentIds() {
        return browser.findElements(By.cssSelector("#documents tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    private void ok(String path, String key, Object body) {
        LedgerApi.Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

}
