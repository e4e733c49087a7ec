package org.integrationledger.app.console;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: headless Chromium driven through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}), so nothing is downloaded at test time. Without them the tests are
 * skipped. One browser serves the whole class; the reference traffic is sent through the connector API once.
 * Each page is photographed to {@code target/console-screenshots}, or to the folder named by the system property
 * {@code ledger.console.screenshots} ({@code ../docs/console} refreshes the README's pictures).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends LedgerIntegrationTest {

    private static ConsoleBrowser console;
    private static WebDriver browser;
    private static ConsoleScenario scenario;

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
    void scenario() {
        console.at(port);
        if (scenario == null) {
            scenario = new ConsoleScenario(api, evaluator);
        }
    }

    @Test
    @Order(1)
    void signsInAndOut() {
        console.open("/console/sla");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        console.screenshot("login");
        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).contains("viewer");
        browser.findElement(By.id("sign-out")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/console/login?signedOut");
        console.open("/console/sla");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }

    @Test
    @Order(2)
    void aViewerCannotReachAdminActions() {
        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/operations");
        assertThat(browser.findElements(By.cssSelector("button.rebuild"))).isEmpty();
        console.open("/console/admin/rebuilds");
        assertThat(browser.findElement(By.id("denied")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
        console.signOut();
    }

    @Test
    @Order(3)
    void slaBoardCountsLeadToTheSameNumberOfClocksAndOnToTheDocument() {
        console.signIn("auditor", ConsoleSecurityIntegrationTest.AUDITOR_PASSWORD);
        console.open("/console/sla");
        WebElement breached = browser.findElement(By.xpath("//table[@id='sla-board']//tr[td[1]='po-approved-to-posted'"
                + " and td[2]='EMEA']/td[4]/a"));
        long onBoard = Long.parseLong(breached.getText());
        assertThat(onBoard).isPositive();
        console.screenshot("sla-board");
        breached.click();
        assertThat(Long.parseLong(browser.findElement(By.id("clock-total")).getText())).isEqualTo(onBoard);
        assertThat(browser.getCurrentUrl()).contains("state=BREACHED").contains("region=EMEA");
        console.screenshot("sla-clocks");
        // Oldest first: the scenario's order may be on a later page when other tests left older breaches.
        console.open("/console/sla/clocks?state=BREACHED&rule=po-approved-to-posted&legalEntity=DE01&size=500");
        browser.findElement(By.linkText(scenario.unposted)).click();
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(scenario.unposted);
        assertThat(browser.findElement(By.id("clocks")).getText()).contains("BREACHED");
    }

    @Test
    @Order(4)
    void reconciliationBoardCountsLeadToTheSameNumberOfDocuments() {
        console.open("/console/reconciliation");
        WebElement cell = browser.findElement(By.cssSelector(
                "a.count[data-kind='NOT_ACKNOWLEDGED'][data-region='EMEA'][data-system='ERP_EMEA']"));
        long onBoard = Long.parseLong(cell.getText());
        assertThat(onBoard).isPositive();
        console.screenshot("reconciliation-board");
        cell.click();
        assertThat(Long.parseLong(browser.findElement(By.id("document-total")).getText())).isEqualTo(onBoard);
        console.screenshot("reconciliation-documents");
    }

    @Test
    @Order(5)
    void theDocumentTimelineRunsInBusinessTimeWithRecordedTimeBeside() {
        console.open("/console/documents/purchase-order/" + scenario.amended);
        List<Instant> businessTimes = browser.findElements(By.cssSelector("#timeline td.business-time time")).stream()
                .map(time -> Instant.parse(time.getAttribute("datetime"))).toList();
        assertThat(businessTimes).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(browser.findElements(By.cssSelector("#timeline td.event")).stream().map(WebElement::getText))
                .contains("PurchaseOrderIssued", "PurchaseOrderAmended");
        WebElement first = browser.findElement(By.cssSelector("#timeline td.business-time time"));
        assertThat(first.getAttribute("title")).as("UTC on hover").endsWith("UTC");
        assertThat(first.getText()).as("shown in the reader's zone").doesNotContain("UTC");
        assertThat(browser.findElement(By.id("systems")).getText()).contains("ERP_NA");
        assertThat(browser.findElement(By.id("divergences")).getText()).contains("VERSION_BEHIND");
        console.screenshot("document", new Dimension(1440, 1500));

        browser.findElement(By.id("audit-link")).click();
        assertThat(Long.parseLong(browser.findElement(By.id("event-total")).getText())).isGreaterThanOrEqualTo(3);
        console.screenshot("audit-history");
    }

    @Test
    @Order(6)
    void theAsOfPickerShowsWhatTheLedgerKnewThen() {
        console.open("/console/documents/purchase-order/" + scenario.amended);
        WebElement picker = browser.findElement(By.id("as-of-picker"));
        // The picker's local date and time for the instant, as a person would pick it in the browser's zone.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                var d = new Date(arguments[1]); var p = function (n) { return String(n).padStart(2, '0'); };
                arguments[0].value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T'
                    + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());""",
                picker, scenario.betweenPostingAndAmendment.toString());
        browser.findElement(By.id("as-of-show")).click();
        // The script turns the local pick into UTC and navigates: wait for that page, not the one clicked on.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("asOf="));
        assertThat(browser.findElement(By.id("as-of-version")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("as-of-erp-status")).getText()).isEqualTo("POSTED");
        assertThat(browser.findElements(By.cssSelector("#timeline td.event")).stream().map(WebElement::getText))
                .contains("PurchaseOrderIssued").doesNotContain("PurchaseOrderAmended");
        console.screenshot("document-as-of", new Dimension(1440, 1500));
    }

    @Test
    @Order(7)
    void operationsAndExceptionsRenderAndTheSearchBoxFindsADocument() {
        console.open("/console/operations");
        assertThat(browser.findElements(By.cssSelector("#processors tbody tr"))).isNotEmpty();
        assertThat(Long.parseLong(browser.findElement(By.id("head")).getText())).isPositive();
        console.screenshot("operations");
        console.open("/console/exceptions?status=");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Invoice exceptions");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("status")))
                .getFirstSelectedOption().getText()).as("status= means all").isEqualTo("all");
        console.screenshot("exceptions");

        search(scenario.unposted);
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(scenario.unposted);
        search("PO-NOBODY-KNOWS");
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("PO-NOBODY-KNOWS");
        console.signOut();
    }

    /** Types a key into the header's search box and waits for the page it lands on. */
    private void search(String key) {
        String before = browser.getCurrentUrl();
        browser.findElement(By.id("search")).sendKeys(key, org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(driver -> !driver.getCurrentUrl().equals(before));
    }

}
