package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Loads a View Product Sync page in a {@link Browser} and reads the browser's own clock for it: Navigation Timing
 * ({@code performance.getEntriesByType('navigation')[0]}) and the moment the first table row is in the DOM.
 */
final class PageLoadTimer {

    /** Milliseconds from the start of the navigation, and the SKU of the first row the page showed. */
    record PageLoad(
            double firstByte,
            double headFetched,
            double firstRow,
            double domContentLoaded,
            double loaded,
            String firstSku) {}

    /**
     * Installed before any of the page's own scripts run: the page is rendered on the server, so its rows arrive with
     * the HTML, and the observer notes (on the performance clock) when the parser has put the first one in the DOM.
     */
    private static final String FIRST_ROW_WATCH = """
            new MutationObserver(function (changes, observer) {
              if (document.querySelector('#product-sync tbody tr')) {
                window.firstRowAt = performance.now();
                observer.disconnect();
              }
            }).observe(document, { childList: true, subtree: true });
            """;

    private static final String TIMINGS = """
            var n = performance.getEntriesByType('navigation')[0];
            var row = document.querySelector('#product-sync tbody tr');
            var head = performance.getEntriesByType('resource')
                .filter(function (r) { return r.initiatorType === 'link' || r.initiatorType === 'script'; })
                .reduce(function (latest, r) { return Math.max(latest, r.responseEnd); }, 0);
            return { firstByte: n.responseStart, headFetched: head, firstRow: window.firstRowAt,
                     domContentLoaded: n.domContentLoadedEventEnd, loaded: n.loadEventEnd,
                     firstSku: row ? row.dataset.sku : null };
            """;

    private final WebDriver driver;
    private final JavascriptExecutor script;

    PageLoadTimer(Browser browser) {
        this.driver = browser.driver();
        this.script = (JavascriptExecutor) driver;
        ((ChromiumDriver) driver)
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_ROW_WATCH));
    }

    /** One load as a fresh navigation: the page before is left first (closing its live stream), never reloaded. */
    PageLoad load(String url) {
        driver.get("about:blank");
        driver.get(url);
        // loadEventEnd is set once the load handlers have returned, which may be just after get() returns.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(script.executeScript(
                        "return performance.getEntriesByType('navigation')[0].loadEventEnd > 0;")));
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = (Map<String, Object>) script.executeScript(TIMINGS);
        assertThat(timings.get("firstRow")).as("a row of the table in " + url).isNotNull();
        return new PageLoad(
                millis(timings, "firstByte"),
                millis(timings, "headFetched"),
                millis(timings, "firstRow"),
                millis(timings, "domContentLoaded"),
                millis(timings, "loaded"),
                (String) timings.get("firstSku"));
    }

    private static double millis(Map<String, Object> timings, String name) {
        return ((Number) timings.get(name)).doubleValue();
    }
}
