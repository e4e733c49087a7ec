package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.console.ConsoleBrowserTest.CHROMEDRIVER;
import static org.integrationledger.app.console.ConsoleBrowserTest.CHROMIUM;
import static org.integrationledger.app.support.InvoiceRequests.EMEA_APPROVER;
import static org.integrationledger.app.support.InvoiceRequests.SUBMITTER;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The override action in a real browser (headless Chromium through the system's chromedriver, as
 * {@link ConsoleBrowserTest}; skipped without them): the four-eyes rule refuses the submitter on the page, and an
 * approver of the queue overrides. Photographs the page to {@code exception-override.png} (and the refusal to
 * {@code exception-override-refused.png}) in the folder of {@code ledger.console.screenshots}.
 */
class ExceptionOverrideBrowserTest extends LedgerIntegrationTest {

    private static WebDriver browser;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Console browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER + ". Install them with "
                        + "'apt-get install -y chromium chromium-driver' (Debian/Ubuntu) to run them.");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
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

    @Test
    void anOverrideByTheSubmitterIsRefusedInTheUi() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, EMEA_APPROVER);
        signIn("approver-emea", ExceptionOverrideIntegrationTest.APPROVER_EMEA_PASSWORD);

        overrideOnThePage(open, "I know this supplier");

        assertThat(browser.findElement(By.id("override-refused")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("override-code")).getText()).isEqualTo("approver-is-submitter");
        assertThat(browser.findElement(By.id("override-detail")).getText())
                .contains(EMEA_APPROVER + " submitted this invoice");
        assertThat(row(open).getText()).as("still open").contains("OPEN");
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS);
        screenshot("exception-override-refused");
        signOut();
    }

    @Test
    void anApproverOfTheQueueOverridesInTheUi() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        signIn("approver-emea", ExceptionOverrideIntegrationTest.APPROVER_EMEA_PASSWORD);

        overrideOnThePage(open, "price increase agreed with the supplier");

        assertThat(browser.findElement(By.id("override-recorded")).getText())
                .contains("MATCH_VARIANCE of " + open.invoiceId() + " overridden by " + EMEA_APPROVER);
        assertThat(row(open).findElements(By.cssSelector("form.override"))).as("not offered twice").isEmpty();
        screenshot("exception-override");
        // The queue's view catches up with the override; the page shows it on a reload.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.navigate().refresh();
            return row(open).getText().contains("RESOLVED");
        });
        assertThat(row(open).getText()).contains("OVERRIDE by " + EMEA_APPROVER
                + ": price increase agreed with the supplier");
        assertThat(row(open).findElements(By.cssSelector("form.override"))).isEmpty();
        signOut();
    }

    /** Opens the queue on the invoice, types the reason into its override form and sends it. */
    private void overrideOnThePage(OpenInvoiceException open, String reason) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            open(open.queuePage());
            return !browser.findElements(form(open)).isEmpty();
        });
        WebElement form = browser.findElement(form(open));
        form.findElement(By.name("reason")).sendKeys(reason);
        form.findElement(By.tagName("button")).click();
    }

    private static By form(OpenInvoiceException open) {
        return By.cssSelector("form.override[data-invoice='" + open.invoiceId() + "']");
    }

    private WebElement row(OpenInvoiceException open) {
        return browser.findElement(By.xpath("//table[@id='exceptions']//tr[td[1]/a='" + open.invoiceId() + "']"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
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

    /** A picture of the page in a window wide enough for the whole queue table (it shrinks back afterwards). */
    private static void screenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1960, 640));
        Path folder = Path.of(System.getProperty("ledger.console.screenshots", "target/console-screenshots"));
        try {
            Files.createDirectories(folder);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
