package org.integrationledger.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The accruals page (question 9) in headless Chromium ({@link ConsoleBrowser}): for the November close as known at
 * one instant, its totals, reasons and lines are the API's answer to the same request, a line leads to its order's
 * page, and a period with nothing open says what would fill it. The facts go through the connector API; their
 * business times lie in November and they are recorded now, after that close, so every line is a late fact.
 */
class AccrualsPageBrowserTest extends LedgerIntegrationTest {

    private static final String PERIOD_END = "2026-11-30";

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
    void thePageShowsTheApisTotalsReasonsAndLinesAndLeadsToTheOrder() {
        String supplier = newSupplierId();
        String receivedOnly = newPurchaseOrderId();
        post("/api/v1/purchase-orders/" + receivedOnly + "/issue", purchaseOrder(supplier, "DE01", "EUR"));
        post("/api/v1/purchase-orders/" + receivedOnly + "/goods-receipts", receipt("60", null));
        String invoicedAhead = newPurchaseOrderId();
        post("/api/v1/purchase-orders/" + invoicedAhead + "/issue", purchaseOrder(supplier, "DE01", "EUR"));
        post("/api/v1/purchase-orders/" + invoicedAhead + "/goods-receipts", receipt("100", "4"));
        post(path(newInvoiceId(), "receipt"), invoice(supplier, invoicedAhead, newInvoiceNumber(), "EUR"));
        awaitCaughtUp("accrual-facts");
        String query = "periodEnd=" + PERIOD_END + "&legalEntity=DE01&knownAt=" + Instant.now();
        JsonNode report = api.get("/api/v1/accruals?" + query + "&size=1000", REPORTING_KEY).body();
        JsonNode variances = api.get("/api/v1/accruals/variances?" + query, REPORTING_KEY).body();
        JsonNode group = report.path("groups").get(0);

        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/accruals?" + query);

        WebElement totals = browser.findElement(By.cssSelector(
                "#accrual-totals tr[data-legal-entity='DE01'][data-currency='EUR']"));
        List<String> cells = totals.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(new BigDecimal(cells.get(2))).isEqualByComparingTo(
                group.path("receivedNotInvoiced").path("amount").decimalValue());
        assertThat(Long.parseLong(cells.get(3))).isEqualTo(group.path("receivedNotInvoicedLines").asLong());
        assertThat(new BigDecimal(cells.get(4))).isEqualByComparingTo(
                group.path("invoicedNotReceived").path("amount").decimalValue());
        assertThat(Long.parseLong(cells.get(5))).isEqualTo(group.path("invoicedNotReceivedLines").asLong());
        assertThat(group.path("receivedNotInvoicedLines").asLong()).as("the lines sent above").isPositive();
        assertThat(group.path("invoicedNotReceivedLines").asLong()).isPositive();
        JsonNode late = variances.path("totals").findParents("reason").stream()
                .filter(total -> total.path("reason").asText().equals("LATE_FACT")).findFirst().orElseThrow();
        WebElement lateRow = browser.findElement(By.xpath(
                "//table[@id='accrual-variances']//tr[td[1]/span='LATE_FACT' and td[2]='DE01']"));
        assertThat(Long.parseLong(lateRow.findElements(By.tagName("td")).get(3).getText()))
                .isEqualTo(late.path("lines").asLong());
        // The lines of this test's supplier: the shared ledger holds other tests' DE01 lines on the first pages.
        console.open("/console/accruals?" + query + "&supplierId=" + supplier);
        assertThat(browser.findElement(By.id("accrual-lines")).getText()).contains(receivedOnly)
                .contains("RECEIVED_NOT_INVOICED").contains("INVOICED_NOT_RECEIVED").contains("LATE_FACT");
        WebElement time = browser.findElement(By.cssSelector("#accrual-lines time"));
        assertThat(time.getAttribute("title")).as("UTC on hover").endsWith("UTC");
        console.screenshot("accruals", new Dimension(1900, 1150));

        console.clickAndWait(By.linkText(receivedOnly));
        assertThat(browser.getCurrentUrl()).endsWith("/console/documents/purchase-order/" + receivedOnly);
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(receivedOnly);
        console.signOut();
    }

    @Test
    void aPeriodWithNothingOpenSaysWhatWouldFillIt() {
        console.signIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        console.open("/console/accruals?periodEnd=2020-01-31");

        assertThat(browser.findElements(By.id("accrual-totals"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains("Nothing is open at this period end")
                .contains("once goods are received on a purchase order");
        assertThat(browser.findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Accruals");
        console.signOut();
    }

    private void post(String path, Map<String, Object> body) {
        Response response = api.post(path, PROCUREMENT_KEY, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
