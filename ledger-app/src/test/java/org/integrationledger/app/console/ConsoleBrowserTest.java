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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser: headless Chromium driven through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}), so nothing is downloaded at test time. Without them the tests are
 * skipped. One browser serves the whole class; the reference traffic is sent through the connector API once.
 * Each page is photographed to {@code target/console-screenshots}, or to the folder named by the system property
 * {@code ledger.console.screenshots} ({@code ../docs/console} refreshes the README's pictures).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends LedgerIntegrationTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static WebDriver browser;
    private static ConsoleScenario scenario;

    @LocalServerPort
    private int port;
    @Autowired
    private SlaEvaluator evaluator;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Console browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER + ". Install them with "
                        + "'apt-get install -y chromium chromium-driver' (Debian/Ubuntu) to run them.");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // A zone other than UTC, so the pages' local times differ from the UTC on hover.
                .withEnvironment(Map.of("TZ", "Europe/Berlin"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,960", "--lang=en-GB");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void scenario() {
        if (scenario == null) {
            scenario = new ConsoleScenario(api, evaluator);
        }
    }

    @Test
    @Order(1)
    void signsInAndOut() {
        open("/console/sla");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        screenshot("login");
        signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).contains("viewer");
        browser.findElement(By.id("sign-out")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/console/login?signedOut");
        open("/console/sla");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }

    @Test
    @Order(2)
    void aViewerCannotReachAdminActions() {
        signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        open("/console/operations");
        assertThat(browser.findElements(By.cssSelector("button.rebuild"))).isEmpty();
        open("/console/admin/rebuilds");
        assertThat(browser.findElement(By.id("denied")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
        signOut();
    }

    @Test
    @Order(3)
    void slaBoardCountsLeadToTheSameNumberOfClocksAndOnToTheDocument() {
        signIn("auditor", ConsoleSecurityIntegrationTest.AUDITOR_PASSWORD);
        open("/console/sla");
        WebElement breached = browser.findElement(By.xpath("//table[@id='sla-board']//tr[td[1]='po-approved-to-posted'"
                + " and td[2]='EMEA']/td[4]/a"));
        long onBoard = Long.parseLong(breached.getText());
        assertThat(onBoard).isPositive();
        screenshot("sla-board");
        breached.click();
        assertThat(Long.parseLong(browser.findElement(By.id("clock-total")).getText())).isEqualTo(onBoard);
        assertThat(browser.getCurrentUrl()).contains("state=BREACHED").contains("region=EMEA");
        screenshot("sla-clocks");
        // Oldest first: the scenario's order may be on a later page when other tests left older breaches.
        open("/console/sla/clocks?state=BREACHED&rule=po-approved-to-posted&legalEntity=DE01&size=500");
        browser.findElement(By.linkText(scenario.unposted)).click();
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(scenario.unposted);
        assertThat(browser.findElement(By.id("clocks")).getText()).contains("BREACHED");
    }

    @Test
    @Order(4)
    void reconciliationBoardCountsLeadToTheSameNumberOfDocuments() {
        open("/console/reconciliation");
        WebElement cell = browser.findElement(By.cssSelector(
                "a.count[data-kind='NOT_ACKNOWLEDGED'][data-region='EMEA'][data-system='ERP_EMEA']"));
        long onBoard = Long.parseLong(cell.getText());
        assertThat(onBoard).isPositive();
        screenshot("reconciliation-board");
        cell.click();
        assertThat(Long.parseLong(browser.findElement(By.id("document-total")).getText())).isEqualTo(onBoard);
        screenshot("reconciliation-documents");
    }

    @Test
    @Order(5)
    void theDocumentTimelineRunsInBusinessTimeWithRecordedTimeBeside() {
        open("/console/documents/purchase-order/" + scenario.amended);
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
        screenshot("document", 1500);

        browser.findElement(By.id("audit-link")).click();
        assertThat(Long.parseLong(browser.findElement(By.id("event-total")).getText())).isGreaterThanOrEqualTo(3);
        screenshot("audit-history");
    }

    @Test
    @Order(6)
    void theAsOfPickerShowsWhatTheLedgerKnewThen() {
        open("/console/documents/purchase-order/" + scenario.amended);
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
        screenshot("document-as-of", 1500);
    }

    @Test
    @Order(7)
    void operationsAndExceptionsRenderAndTheSearchBoxFindsADocument() {
        open("/console/operations");
        assertThat(browser.findElements(By.cssSelector("#processors tbody tr"))).isNotEmpty();
        assertThat(Long.parseLong(browser.findElement(By.id("head")).getText())).isPositive();
        screenshot("operations");
        open("/console/exceptions?status=");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Invoice exceptions");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("status")))
                .getFirstSelectedOption().getText()).as("status= means all").isEqualTo("all");
        screenshot("exceptions");

        search(scenario.unposted);
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(scenario.unposted);
        search("PO-NOBODY-KNOWS");
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("PO-NOBODY-KNOWS");
        signOut();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Types a key into the header's search box and waits for the page it lands on. */
    private void search(String key) {
        String before = browser.getCurrentUrl();
        browser.findElement(By.id("search")).sendKeys(key, org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(driver -> !driver.getCurrentUrl().equals(before));
    }

    private void signIn(String user, String password) {
        open("/console/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // The click can return before the browser has followed the redirect: wait for the board, not the form.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(driver -> !driver.getCurrentUrl().endsWith("/console/login"));
        assertThat(browser.getCurrentUrl()).as("signed in as " + user).contains("/console/sla");
    }

    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
    }

    private static void screenshot(String name) {
        screenshot(name, 0);
    }

    /** A picture of the page; with a height, of that much of it (the window grows for it, then shrinks back). */
    private static void screenshot(String name, int height) {
        org.openqa.selenium.Dimension window = browser.manage().window().getSize();
        if (height > 0) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), height));
        }
        try {
            save(name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    private static void save(String name) {
        Path folder = Path.of(System.getProperty("ledger.console.screenshots", "target/console-screenshots"));
        try {
            Files.createDirectories(folder);
            File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
