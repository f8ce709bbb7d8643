package io.productsync.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (nothing is downloaded at run time). Where they are
 * not installed, the test is skipped with the command that installs them; {@code .ci/run} always installs them.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** How long a page, an element or a condition is waited for: far beyond what a loaded CI machine needs. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser, or the test is skipped (aborted) when Chromium is not installed. */
    public static Browser open() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed; install it with: apt-get install -y chromium chromium-driver"
                        + " fonts-dejavu-core (as .ci/run does)");
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Headless as root; no call home: this machine's network is closed and every such attempt would fail.
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,1000",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh browser signed in on {@code site} as the operator, or the test is skipped as {@link #open()} says. */
    public static Browser signedIn(String site) {
        Browser browser = open();
        browser.signIn(site);
        return browser;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the page shows now as {@code target/screenshots/<name>.png}, for a reviewer to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens {@code url} and returns once its document has replaced the one before and is loaded. {@code get} alone is
     * not enough: WebDriver may return before the new page can be read, and on a loaded machine a lookup right after it
     * found no {@code main} on a page that has one.
     */
    public void go(String url) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.get(url);
        awaitNewPage(old, "the page " + url);
    }

    /** Loads the page again, as {@link #go(String)} loads one. */
    public void reload() {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.navigate().refresh();
        awaitNewPage(old, "the reload of " + driver.getCurrentUrl());
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and returns once that page has replaced this one and
     * is loaded: a click returns before a form's navigation has begun, so what is read next could be the old page.
     */
    public void follow(WebElement element) {
        WebElement old = driver.findElement(By.tagName("html"));
        element.click();
        awaitNewPage(old, "the page after a click");
    }

    /** The element, once the page has it (a live page may still be swapping it in); see {@link #until}. */
    public WebElement find(By locator) {
        return until("an element " + locator, ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** The element's text, read again if a live swap replaces the element while it is read. */
    public String text(By locator) {
        return until("the text of " + locator, page -> page.findElement(locator).getText());
    }

    /** The texts of every element the locator finds now (none is fine), read again if a live swap replaces one. */
    public List<String> texts(By locator) {
        return until(
                "the texts of " + locator,
                page -> page.findElements(locator).stream()
                        .map(WebElement::getText)
                        .toList());
    }

    /**
     * Waits until {@code condition} gives a value that is neither null nor false, looking again when an element is
     * missing or was replaced. When it never does, the page's URL, source and a screenshot are saved under
     * {@code target/browser-failures/} and named in the exception, so a failure in CI explains itself.
     */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            throw new TimeoutException(
                    "waited " + WAIT.toSeconds() + " s for " + what + " on " + FailedPage.save(driver, what), e);
        }
    }

    private void awaitNewPage(WebElement old, String what) {
        until(what, page -> replaced(old));
        until(what, page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
    }

    /**
     * Whether the element's page has been replaced. Mid-navigation Chrome may answer for an element of the old document
     * with "does not belong to the document" instead of a stale element reference: both mean it is gone.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Signs in on {@code site}'s form as the operator ({@link Operator}); the session then lasts as long as the browser. */
    public void signIn(String site) {
        go(site + "/login");
        find(By.id("username")).sendKeys(Operator.USERNAME);
        find(By.id("password")).sendKeys(Operator.password());
        follow(find(By.cssSelector("#sign-in button[type=submit]")));
    }

    /** A phone-width window (or back to a desktop one). */
    public void width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 1000));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
