package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.EMEA_APPROVER;
import static org.integrationledger.app.support.InvoiceRequests.SUBMITTER;

/**
 * The override action in a real browser (headless Chromium through the system's chromedriver, as
 * {@link ConsoleBrowserTest}; skipped without them): the four-eyes rule refuses the submitter on the page, and an
 * approver of the queue overrides. Photographs the page to {@code exception-override.png} (and the refusal to
 * {@code exception-override-refused.png}) in the folder of {@code ledger.console.screenshots}.
 */
class ExceptionOverrideBrowserTest extends LedgerIntegrationTest {

    private static ConsoleBrowser console;
    private static WebDriver browser;

    @LocalServerPort
    private int port;

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
    void onThisLedger() {
        console.at(port);
    }

    @Test
    void anOverrideByTheSubmitterIsRefusedInTheUi() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, EMEA_APPROVER);
        console.signIn("approver-emea", ExceptionOverrideIntegrationTest.APPROVER_EMEA_PASSWORD);

        overrideOnThePage(open, "I know this supplier");

        assertThat(browser.findElement(By.id("override-refused")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("override-code")).getText()).isEqualTo("approver-is-submitter");
        assertThat(browser.findElement(By.id("override-detail")).getText())
                .contains(EMEA_APPROVER + " submitted this invoice");
        assertThat(row(open).getText()).as("still open").contains("OPEN");
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS);
        console.screenshot("exception-override-refused", new Dimension(1960, 640));
        console.signOut();
    }

    @Test
    void anApproverOfTheQueueOverridesInTheUi() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        console.signIn("approver-emea", ExceptionOverrideIntegrationTest.APPROVER_EMEA_PASSWORD);

        overrideOnThePage(open, "price increase agreed with the supplier");

        assertThat(browser.findElement(By.id("override-recorded")).getText())
                .contains("MATCH_VARIANCE of " + open.invoiceId() + " overridden by " + EMEA_APPROVER);
        assertThat(row(open).findElements(By.cssSelector("form.override"))).as("not offered twice").isEmpty();
        console.screenshot("exception-override", new Dimension(1960, 640));
        // The queue's view catches up with the override; the page shows it on a reload.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.navigate().refresh();
            return row(open).getText().contains("RESOLVED");
        });
        assertThat(row(open).getText()).contains("OVERRIDE by " + EMEA_APPROVER
                + ": price increase agreed with the supplier");
        assertThat(row(open).findElements(By.cssSelector("form.override"))).isEmpty();
        console.signOut();
    }

    /** Opens the queue on the invoice, types the reason into its override form and sends it. */
    private void overrideOnThePage(OpenInvoiceException open, String reason) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            console.open(open.queuePage());
            return !browser.findElements(form(open)).isEmpty();
        });
        WebElement form = browser.findElement(form(open));
        form.findElement(By.name("reason")).sendKeys(reason);
        // The click may return before the browser has the answer page: wait until the queue page is gone.
        WebElement page = browser.findElement(By.tagName("html"));
        form.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private static By form(OpenInvoiceException open) {
        return By.cssSelector("form.override[data-invoice='" + open.invoiceId() + "']");
    }

    private WebElement row(OpenInvoiceException open) {
        return browser.findElement(By.xpath("//table[@id='exceptions']//tr[td[1]/a='" + open.invoiceId() + "']"));
    }

}
