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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
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
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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
     * Clicks what leads to another page (a link, a form's button) and returns once that page has replaced this one and
     * is loaded: a click returns before a form's navigation has begun, so what is read next could be the old page.
     */
    public void follow(WebElement element) {
        WebElement old = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(old));
        wait.until(page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
    }

    /** Signs in on {@code site}'s form as the operator ({@link Operator}); the session then lasts as long as the browser. */
    public void signIn(String site) {
        driver.get(site + "/login");
        driver.findElement(By.id("username")).sendKeys(Operator.USERNAME);
        driver.findElement(By.id("password")).sendKeys(Operator.password());
        follow(driver.findElement(By.cssSelector("#sign-in button[type=submit]")));
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
