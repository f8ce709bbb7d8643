package io.productsync.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** What the browser showed when a wait failed: its URL, title, source and a screenshot under target/browser-failures/. */
final class FailedPage {

    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss-SSS");

    private FailedPage() {}

    /** Saves the page and says where: the URL and the files' common name, or why they could not be written. */
    static String save(ChromeDriver driver, String waitedFor) {
        String url = driver.getCurrentUrl();
        try {
            Files.createDirectories(FAILURES);
            String name = (LocalTime.now().format(TIME) + "-" + waitedFor.replaceAll("[^A-Za-z0-9-]+", "_"));
            Path base = FAILURES.resolve(name.substring(0, Math.min(name.length(), 100)));
            Files.writeString(
                    Path.of(base + ".txt"),
                    "waited for: " + waitedFor + "\nurl: " + url + "\ntitle: " + driver.getTitle() + "\n");
            Files.writeString(Path.of(base + ".html"), driver.getPageSource());
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of(base + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            return url + " (source, URL and screenshot saved as " + base.toAbsolutePath() + ".html/.txt/.png)";
        } catch (IOException | RuntimeException e) {
            return url + " (the page could not be saved: " + e + ")";
        }
    }
}
