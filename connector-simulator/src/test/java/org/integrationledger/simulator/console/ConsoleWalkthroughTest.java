package org.integrationledger.simulator.console;

import com.jayway.jsonpath.JsonPath;
import org.integrationledger.simulator.ConnectorSimulator;
import org.integrationledger.simulator.benchmark.LedgerProcess;
import org.integrationledger.simulator.connector.ConsoleClient;
import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.ReferenceScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console issue's "done when", walked in a real browser: the built ledger jar on its embedded default (the
 * README's first command), the simulator's {@code demo} traffic sent to it, the README's development users signed in,
 * and each question of DOMAIN.md the console answers reached by clicking from a board, the exception queue or the
 * search box. Every answer on the page is compared with the JSON API's answer to the same question. One ledger and
 * one headless Chromium (the system's {@code chromium} and {@code chromedriver}; skipped with the install hint
 * without them) serve the whole class. Each page is photographed to {@code target/console-walkthrough}, or, prefixed
 * {@code demo-}, to the folder named by {@code ledger.console.screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ConsoleWalkthroughTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String RUN = "D42";

    private static Path work;
    private static LedgerProcess ledger;
    private static LedgerClient api;
    private static WebDriver browser;
    private static Map<String, String> readmeUsers;

    @BeforeAll
    static void startTheLedgerPlayTheDemoAndOpenABrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Console walkthrough skipped: no " + CHROMIUM + " and " + CHROMEDRIVER + ". Install them with "
                        + "'apt-get install -y chromium chromium-driver' (Debian/Ubuntu) to run it.");
        readmeUsers = readmeUsers();
        assertThat(readmeUsers).as("README's console users").containsKeys("viewer", "auditor", "approver-emea", "admin");
        work = Files.createTempDirectory("console-walkthrough");
        ledger = LedgerProcess.startEmbeddedDefault("walkthrough", LedgerProcess.builtJar(), work, List.of(), List.of(),
                Duration.ofMinutes(4));
        api = ledger.client();
        // The README's demo command as it is: its day of traffic holds every case the questions ask about.
        assertThat(ConnectorSimulator.simulate(Map.of("ledger", api.base()), true))
                .as("every demo message answered as the script expects").isTrue();
        awaitViewsCurrent();

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,960", "--lang=en-GB");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeEverything() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (ledger != null) {
            ledger.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void question6_theSlaBoardCountsAreTheApisOpenClocksAndLeadToTheirDocuments() {
        signIn("viewer");
        // Clocks turn at risk and breached as time passes: board and API are compared when both were read unchanged.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            open("/console/sla");
            List<WebElement> rows = browser.findElements(By.cssSelector("#sla-board tbody tr"));
            assertThat(rows).as("SLA board rows").isNotEmpty();
            for (WebElement row : rows) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                String rule = cells.get(0).getText();
                String region = cells.get(1).getText();
                if ("UNKNOWN".equals(region)) {
                    continue; // clocks without a region cannot be asked for by region
                }
                String regionFilter = "&region=" + region;
                assertThat(count(cells.get(2).getText())).as(rule + " " + region + " at risk")
                        .isEqualTo(total("/api/v1/slas/open?state=AT_RISK&rule=" + rule + regionFilter, "$.total"));
                assertThat(count(cells.get(3).getText())).as(rule + " " + region + " breached")
                        .isEqualTo(total("/api/v1/slas/open?state=BREACHED&rule=" + rule + regionFilter, "$.total"));
            }
        });
        screenshot("sla-board");
        WebElement breached = browser.findElement(By.xpath(
                "//table[@id='sla-board']//tr[td[1]='po-approved-to-posted' and td[2]='EMEA']/td[4]/a"));
        long onBoard = Long.parseLong(breached.getText());
        assertThat(onBoard).as("the demo leaves EMEA orders unposted past 30 minutes").isPositive();
        follow(breached);
        assertThat(Long.parseLong(browser.findElement(By.id("clock-total")).getText())).isEqualTo(onBoard);
        screenshot("sla-clocks");
        String document = browser.findElement(By.cssSelector("#clocks tbody tr td:nth-child(3) a")).getText();
        follow(browser.findElement(By.cssSelector("#clocks tbody tr td:nth-child(3) a")));
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(document);
        assertThat(browser.findElement(By.id("clocks")).getText()).contains("po-approved-to-posted", "BREACHED");
    }

    @Test
    @Order(2)
    void question1_purchaseOrdersNotPostedAreTheApisAndTheOldestComesFirst() {
        boardOf("PURCHASE_ORDER");
        assertBoardMatchesApiCounts("PURCHASE_ORDER");
        screenshot("reconciliation-board");
        WebElement cell = cell("NOT_ACKNOWLEDGED", "EMEA", "ERP_EMEA");
        long onBoard = Long.parseLong(cell.getText());
        assertThat(onBoard).as("EMEA orders approved but not posted").isPositive();
        follow(cell);
        String query = "/api/v1/reconciliation?documentType=PURCHASE_ORDER&divergence=NOT_ACKNOWLEDGED&region=EMEA"
                + "&system=ERP_EMEA";
        assertThat(Long.parseLong(browser.findElement(By.id("document-total")).getText()))
                .isEqualTo(onBoard).isEqualTo(total(query, "$.totalItems"));
        // "For how long": the list is oldest divergence first, as the API's, and says each one's age.
        List<WebElement> first = browser.findElements(By.cssSelector("#documents tbody tr:first-child td"));
        assertThat(first.get(0).getText()).isEqualTo(JsonPath.read(get(query), "$.items[0].documentId"));
        assertThat(first.get(9).getText()).as("age of the oldest").isNotBlank();
        screenshot("reconciliation-documents");
    }

    @Test
    @Order(3)
    void question3_supplierUpdatesStuckOrUnacknowledgedAreTheApis() {
        boardOf("SUPPLIER");
        assertBoardMatchesApiCounts("SUPPLIER");
        // A copy never acknowledged, or acknowledged only in an older version than the golden record's.
        List<WebElement> stuck = new ArrayList<>();
        for (String kind : List.of("NOT_ACKNOWLEDGED", "VERSION_BEHIND")) {
            stuck.addAll(browser.findElements(By.xpath("//table[@id='heat']//tr[th='" + kind + "']/td[last()]/a")));
        }
        assertThat(stuck).as("supplier updates stuck in the demo").isNotEmpty();
        String kind = stuck.get(0).findElement(By.xpath("ancestor::tr/th")).getText();
        follow(stuck.get(0));
        assertThat(Long.parseLong(browser.findElement(By.id("document-total")).getText())).isEqualTo(total(
                "/api/v1/reconciliation?documentType=SUPPLIER&divergence=" + kind, "$.totalItems"));
        screenshot("supplier-updates");
    }

    @Test
    @Order(4)
    void question4_paymentsWhoseConfirmationNeverReachedProcurementAreTheApisUnconfirmedPayments() {
        boardOf("PAYMENT");
        assertBoardMatchesApiCounts("PAYMENT");
        WebElement total = rowTotal("NOT_ACKNOWLEDGED");
        long onBoard = Long.parseLong(total.getText());
        long unconfirmed = total("/api/v1/payments/unconfirmed", "$.totalItems");
        assertThat(onBoard).as("payments not acknowledged by procurement").isPositive().isEqualTo(unconfirmed);
        follow(total);
        assertThat(Long.parseLong(browser.findElement(By.id("document-total")).getText())).isEqualTo(unconfirmed);
        screenshot("unconfirmed-payments");
    }

    @Test
    @Order(5)
    void question2_invoicesThatFailedTaxValidationWithRegionAndReasonAreTheApis() {
        filterExceptions("TAX_FAILURE");
        String answer = get("/api/v1/invoice-exceptions?kind=TAX_FAILURE&size=50");
        long total = ((Number) JsonPath.read(answer, "$.totalItems")).longValue();
        assertThat(total).as("tax failures in the demo").isPositive();
        assertThat(Long.parseLong(browser.findElement(By.id("exception-total")).getText())).isEqualTo(total);
        List<String> onPage = browser.findElements(By.cssSelector("#exceptions tbody tr")).stream().map(row -> {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            return cells.get(0).getText() + " " + cells.get(4).getText() + " " + cells.get(10).getText();
        }).toList();
        List<String> invoices = JsonPath.read(answer, "$.items[*].invoiceId");
        List<String> regions = JsonPath.read(answer, "$.items[*].region");
        List<String> reasons = JsonPath.read(answer, "$.items[*].detail");
        List<String> fromApi = new ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            fromApi.add(invoices.get(i) + " " + regions.get(i) + " " + reasons.get(i));
        }
        assertThat(onPage).as("invoice, region and why, in the API's order").isEqualTo(fromApi);
        screenshot("exceptions-tax-failures");
    }

    @Test
    @Order(6)
    void question8_duplicateInvoicesCaughtAreTheApis() {
        filterExceptions("DUPLICATE_SUSPICION");
        long duplicates = total("/api/v1/invoice-duplicates", "$.totalItems");
        assertThat(Long.parseLong(browser.findElement(By.id("exception-total")).getText())).isEqualTo(duplicates);
        if (duplicates == 0) {
            // The demo sends no duplicate: the page says what would fill it.
            assertThat(browser.findElement(By.cssSelector("main .empty")).getText()).contains("duplicate");
        }
    }

    @Test
    @Order(7)
    void question5_thePurchaseOrderFoundBySearchShowsTheApisPositionsAndTrace() {
        String order = orderWithPayment();
        search(order);
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(order);
        String entry = get("/api/v1/reconciliation/PURCHASE_ORDER/" + order);
        assertThat(rows("#systems", 0, 2, 3)).as("position in every system").isEqualTo(
                zip(JsonPath.read(entry, "$.systems[*].system"), JsonPath.read(entry, "$.systems[*].state"),
                        JsonPath.read(entry, "$.systems[*].version")));
        List<Object> flags = JsonPath.read(entry, "$.divergences[*].flag");
        if (flags.isEmpty()) {
            assertThat(browser.findElements(By.id("divergences"))).isEmpty();
        } else {
            assertThat(rows("#divergences", 0)).isEqualTo(zip(flags));
        }
        String trace = get("/api/v1/trace/" + order);
        List<String> timeline = rows("#timeline", 2, 3);
        assertThat(timeline).as("trace by business time, order to payment")
                .isEqualTo(zip(JsonPath.read(trace, "$.steps[*].documentId"), JsonPath.read(trace, "$.steps[*].event")));
        assertThat(String.join("\n", timeline)).contains("INV-" + RUN);
        List<Instant> businessTimes = browser.findElements(By.cssSelector("#timeline td.business-time time")).stream()
                .map(time -> Instant.parse(time.getAttribute("datetime"))).toList();
        assertThat(businessTimes).isSorted();
        screenshot("document", 1600);
    }

    @Test
    @Order(8)
    void question7_theAsOfPickerShowsWhatTheAuditApiSaysTheLedgerKnewThen() {
        signIn("auditor");
        // An instant on the picker's whole seconds that falls between two recorded steps of an order, so the page
        // has an earlier state to show.
        String order = null;
        Instant pick = null;
        for (String candidate : ordersWithPayment()) {
            List<String> recorded = JsonPath.read(get("/api/v1/trace/" + candidate),
                    "$.steps[?(@.documentType == 'PURCHASE_ORDER')].recordedAt");
            List<Instant> times = recorded.stream().map(Instant::parse).sorted().toList();
            for (int i = 0; pick == null && i + 1 < times.size(); i++) {
                Instant second = times.get(i).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
                if (second.isBefore(times.get(i + 1))) {
                    order = candidate;
                    pick = second;
                }
            }
            if (pick != null) {
                break;
            }
        }
        assertThat(pick).as("an order whose steps were recorded in different seconds").isNotNull();
        String trace = get("/api/v1/trace/" + order);
        open("/console/documents/purchase-order/" + order);
        WebElement picker = browser.findElement(By.id("as-of-picker"));
        ((JavascriptExecutor) browser).executeScript("""
                var d = new Date(arguments[1]); var p = function (n) { return String(n).padStart(2, '0'); };
                arguments[0].value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T'
                    + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());""", picker, pick.toString());
        follow(browser.findElement(By.id("as-of-show")));
        Matcher asOf = Pattern.compile("[?&]asOf=([^&]+)").matcher(browser.getCurrentUrl());
        assertThat(asOf.find()).as(browser.getCurrentUrl()).isTrue();
        Instant shown = Instant.parse(java.net.URLDecoder.decode(asOf.group(1), StandardCharsets.UTF_8));
        String then = get("/api/v1/audit/purchase-orders/" + order + "/as-of?recordedAt=" + shown);
        // An order posted by its ERP before procurement issued it has no procurement version or status yet: the
        // API answers null, the page an empty cell (which order is picked depends on the recorded seconds).
        assertThat(browser.findElement(By.id("as-of-version")).getText())
                .isEqualTo(String.valueOf(nullToEmpty(JsonPath.read(then, "$.procurementVersion"))));
        assertThat(browser.findElement(By.id("as-of-status")).getText())
                .isEqualTo(String.valueOf(nullToEmpty(JsonPath.read(then, "$.procurementStatus"))));
        assertThat(browser.findElement(By.id("as-of-erp-status")).getText())
                .isEqualTo(String.valueOf(nullToEmpty(JsonPath.read(then, "$.erpStatus"))));
        long stepsByThen = JsonPath.<List<String>>read(trace, "$.steps[*].recordedAt").stream()
                .filter(at -> !Instant.parse(at).isAfter(shown)).count();
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSize((int) stepsByThen);
        assertThat(stepsByThen).as("an earlier state than now")
                .isLessThan(JsonPath.<List<Object>>read(trace, "$.steps[*]").size());
        screenshot("document-as-of", 1200);

        open("/console/documents/purchase-order/" + order);
        follow(browser.findElement(By.id("audit-link")));
        assertThat(Long.parseLong(browser.findElement(By.id("event-total")).getText()))
                .isEqualTo(total("/api/v1/audit/documents/" + order + "/history", "$.totalEvents"));
        screenshot("audit-history");
    }

    @Test
    @Order(9)
    void question9_theAccrualTotalsAndReasonsAreTheApisAndALineLeadsToItsOrder() {
        ensureSignedIn();
        // As of today's close, as the ledger knew it at one instant: the page and the API read the same facts.
        String query = "periodEnd=" + LocalDate.now(ZoneOffset.UTC) + "&knownAt="
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String report = get("/api/v1/accruals?" + query);
        String variances = get("/api/v1/accruals/variances?" + query);
        open("/console/accruals?" + query);

        List<Map<String, Object>> groups = JsonPath.read(report, "$.groups[*]");
        assertThat(rows("#accrual-totals", 0, 1)).as("legal entities and currencies").isEqualTo(zip(
                JsonPath.read(report, "$.groups[*].legalEntity"), JsonPath.read(report, "$.groups[*].currency")));
        List<String> amounts = rows("#accrual-totals", 2, 3, 4, 5);
        for (int i = 0; i < groups.size(); i++) {
            String[] cells = amounts.get(i).split(" \\| ");
            assertThat(new BigDecimal(cells[0])).isEqualByComparingTo(
                    JsonPath.read(report, "$.groups[" + i + "].receivedNotInvoiced.amount").toString());
            assertThat(Long.parseLong(cells[1])).isEqualTo(
                    ((Number) JsonPath.read(report, "$.groups[" + i + "].receivedNotInvoicedLines")).longValue());
            assertThat(new BigDecimal(cells[2])).isEqualByComparingTo(
                    JsonPath.read(report, "$.groups[" + i + "].invoicedNotReceived.amount").toString());
            assertThat(Long.parseLong(cells[3])).isEqualTo(
                    ((Number) JsonPath.read(report, "$.groups[" + i + "].invoicedNotReceivedLines")).longValue());
        }
        assertThat(rows("#accrual-variances", 0, 1, 3)).as("reasons with their line counts").isEqualTo(zip(
                JsonPath.read(variances, "$.totals[*].reason"), JsonPath.read(variances, "$.totals[*].legalEntity"),
                JsonPath.read(variances, "$.totals[*].lines")));
        if (groups.isEmpty()) {
            assertThat(browser.findElement(By.cssSelector("main .empty")).getText()).contains("goods are received");
            return;
        }
        screenshot("accruals");
        String first = JsonPath.read(report, "$.lines[0].purchaseOrderId");
        follow(browser.findElement(By.linkText(first)));
        assertThat(browser.findElement(By.id("document-id")).getText()).isEqualTo(first);
    }

    @Test
    @Order(10)
    void operationsShowEveryViewCurrentAndRebuildsOnlyToTheAdmin() {
        signIn("viewer");
        open("/console/operations");
        assertThat(browser.findElements(By.cssSelector("button.rebuild"))).as("a viewer's operations page").isEmpty();
        signIn("admin");
        open("/console/operations");
        assertThat(browser.findElements(By.cssSelector("button.rebuild"))).as("an admin's operations page").isNotEmpty();
        long head = Long.parseLong(browser.findElement(By.id("head")).getText());
        assertThat(head).as("events stored").isPositive();
        assertThat(browser.findElement(By.id("processors")).getText()).contains("reconciliation-view", "sla-clocks");
        screenshot("operations");
        signIn("approver-emea");
        open("/console/exceptions");
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).contains("approver-emea");
        screenshot("exceptions");
    }

    // ---- the board, lists and search as a person uses them

    private static void boardOf(String documentType) {
        ensureSignedIn();
        follow(browser.findElement(By.linkText("Reconciliation")));
        new Select(browser.findElement(By.name("documentType"))).selectByValue(documentType);
        follow(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("documentType=" + documentType);
    }

    /** Every count of the heat table equals the API's count of the same divergence, region, system and type. */
    private static void assertBoardMatchesApiCounts(String documentType) {
        String counts = get("/api/v1/reconciliation/counts?documentType=" + documentType);
        Map<String, Long> fromApi = new LinkedHashMap<>();
        List<Map<String, Object>> items = JsonPath.read(counts, "$.counts[*]");
        for (Map<String, Object> item : items) {
            fromApi.merge(item.get("flag") + "/" + item.get("region") + "/" + nullToEmpty(item.get("system")),
                    ((Number) item.get("count")).longValue(), Long::sum);
        }
        Map<String, Long> onBoard = new LinkedHashMap<>();
        for (WebElement cell : browser.findElements(By.cssSelector("#heat a.count"))) {
            onBoard.put(cell.getAttribute("data-kind") + "/" + cell.getAttribute("data-region") + "/"
                    + cell.getAttribute("data-system"), Long.parseLong(cell.getText()));
        }
        assertThat(onBoard).as(documentType + " board against /api/v1/reconciliation/counts").isEqualTo(fromApi);
        assertThat(Long.parseLong(browser.findElement(By.id("divergence-total")).getText()))
                .isEqualTo(total("/api/v1/reconciliation/counts?documentType=" + documentType, "$.divergences"));
    }

    private static WebElement cell(String kind, String region, String system) {
        return browser.findElement(By.cssSelector("a.count[data-kind='" + kind + "'][data-region='" + region
                + "'][data-system='" + system + "']"));
    }

    private static WebElement rowTotal(String kind) {
        return browser.findElement(By.xpath("//table[@id='heat']//tr[th='" + kind + "']/td[last()]/a"));
    }

    private static void filterExceptions(String kind) {
        ensureSignedIn();
        follow(browser.findElement(By.linkText("Exceptions")));
        new Select(browser.findElement(By.name("status"))).selectByValue("");
        new Select(browser.findElement(By.name("kind"))).selectByValue(kind);
        follow(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("kind=" + kind);
    }

    /** An order of the demo whose invoice was paid and whose confirmation procurement never acknowledged. */
    private static String orderWithPayment() {
        return ordersWithPayment().get(0);
    }

    private static List<String> ordersWithPayment() {
        List<String> invoices = JsonPath.read(get("/api/v1/payments/unconfirmed?size=20"), "$.items[*].invoiceId");
        assertThat(invoices).as("unconfirmed payments in the demo").isNotEmpty();
        return invoices.stream().map(invoice -> JsonPath.<String>read(get("/api/v1/invoices/" + invoice),
                "$.purchaseOrderId")).toList();
    }

    private static void search(String key) {
        ensureSignedIn();
        String before = browser.getCurrentUrl();
        browser.findElement(By.id("search")).sendKeys(key, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().equals(before));
    }

    /** The chosen columns of a table's body rows, each row's cells joined by " | ". */
    private static List<String> rows(String table, int... columns) {
        return browser.findElements(By.cssSelector(table + " tbody tr")).stream().map(row -> {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            List<String> chosen = new ArrayList<>();
            for (int column : columns) {
                chosen.add(cells.get(column).getText().trim());
            }
            return String.join(" | ", chosen);
        }).toList();
    }

    @SafeVarargs
    private static List<String> zip(List<Object>... columns) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < columns[0].size(); i++) {
            List<String> row = new ArrayList<>();
            for (List<Object> column : columns) {
                row.add(String.valueOf(nullToEmpty(column.get(i))).trim());
            }
            rows.add(String.join(" | ", row));
        }
        return rows;
    }

    // ---- signing in, the API, the pictures

    private static void signIn(String user) {
        if (!browser.findElements(By.id("sign-out")).isEmpty()) {
            follow(browser.findElement(By.id("sign-out")));
        }
        open("/console/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(readmeUsers.get(user));
        follow(browser.findElement(By.id("sign-in")));
        assertThat(browser.getCurrentUrl()).as("signed in as " + user + " with the README's password")
                .contains("/console/sla");
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).contains(user);
    }

    /** Clicks a link or a form's button and waits until the browser has left the page it was on. */
    private static void follow(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    /** Each test can run after any other: it signs in as the viewer when no one is signed in. */
    private static void ensureSignedIn() {
        if (browser.findElements(By.id("sign-out")).isEmpty()) {
            signIn("viewer");
        }
    }

    private static void open(String path) {
        browser.get(api.base() + path);
    }

    private static String get(String path) {
        LedgerClient.Answer answer = api.get(path, path.startsWith("/api/v1/audit/") ? ReferenceScenario.AUDITOR_KEY
                : ReferenceScenario.REPORTING_KEY);
        assertThat(answer.status()).as("GET " + path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static long total(String path, String field) {
        return ((Number) JsonPath.read(get(path), field)).longValue();
    }

    private static long count(String text) {
        return text.isBlank() ? 0 : Long.parseLong(text.trim());
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }

    /**
     * Waits until every streaming processor has handled every stored event, read from the console's own operations
     * export (processor, kind, state, position, head, lag, ...), so the pages and the API read the same views.
     */
    private static void awaitViewsCurrent() {
        ConsoleClient console = ConsoleClient.signIn(api.base(), "viewer", readmeUsers.get("viewer"));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            LedgerClient.Answer csv = console.get("/console/operations?format=csv");
            return csv.status() == 200 && csv.body().lines().skip(1).map(line -> line.split(",", -1))
                    .filter(fields -> "streaming".equals(fields[1]))
                    .allMatch(fields -> "0".equals(fields[5]) && fields[3].equals(fields[4]));
        });
    }

    /** The README's console users and their passwords, from the table of its "Console" section. */
    private static Map<String, String> readmeUsers() throws IOException {
        Path readme = Files.exists(Path.of("README.md")) && Files.exists(Path.of("ledger-app"))
                ? Path.of("README.md") : Path.of("..", "README.md");
        String text = Files.readString(readme);
        int section = text.indexOf("\n## Console\n");
        assertThat(section).as("README has a Console section").isPositive();
        String console = text.substring(section, text.indexOf("\n## ", section + 5));
        Map<String, String> users = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| `([^`]+)` \\|").matcher(console);
        while (row.find()) {
            users.put(row.group(1), row.group(2));
        }
        return users;
    }

    private static void screenshot(String name) {
        screenshot(name, 0);
    }

    /** A picture of the page; with a height, of that much of it (the window grows for it, then shrinks back). */
    private static void screenshot(String name, int height) {
        Dimension window = browser.manage().window().getSize();
        if (height > 0) {
            browser.manage().window().setSize(new Dimension(window.getWidth(), height));
        }
        try {
            String chosen = System.getProperty("ledger.console.screenshots");
            Path folder = Path.of(chosen == null ? "target/console-walkthrough" : chosen);
            Files.createDirectories(folder);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, folder.resolve((chosen == null ? "" : "demo-") + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
