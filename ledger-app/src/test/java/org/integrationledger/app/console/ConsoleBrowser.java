package org.integrationledger.app.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's browser tests' browser: headless Chromium driven through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}), so nothing is downloaded at test time; without them the calling
 * test class is skipped with a message that says how to install them. It signs in as a person does and photographs
 * pages to {@code target/console-screenshots}, or to the folder the system property {@code ledger.console.screenshots}
 * names ({@code ../docs/console} refreshes the README's pictures).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final WebDriver driver;
    private String base;

    private ConsoleBrowser(WebDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser, or skips the test class when Chromium or its driver is not installed. */
    static ConsoleBrowser start() {
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
        return new ConsoleBrowser(new ChromeDriver(service, options));
    }

    /** The ledger under test, at {@code http://localhost:port}; its test context may differ per test class. */
    ConsoleBrowser at(int port) {
        this.base = "http://localhost:" + port;
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in on the form and waits for the page it leads to (the SLA board), not the form. */
    void signIn(String user, String password) {
        open("/console/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        // The click can return before the browser has followed the redirect.
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().endsWith("/console/login"));
        assertThat(driver.getCurrentUrl()).as("signed in as " + user).contains("/console/sla");
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
    }

    /** Clicks what leads to another page and waits for that page: a click may return before the browser left. */
    void clickAndWait(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    void scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    /** A picture of the window as it is. */
    void screenshot(String name) {
        save(name);
    }

    /** A picture in a window of {@code size} (wider for a wide table, taller for a long page), then back. */
    void screenshot(String name, Dimension size) {
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(size);
        try {
            save(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private void save(String name) {
        Path folder = Path.of(System.getProperty("ledger.console.screenshots", "target/console-screenshots"));
        try {
            Files.createDirectories(folder);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
