package io.productsync.report.web;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.report.syncstatus.ProductSyncItem;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.ResultsApplied;
import io.productsync.report.syncstatus.SkuRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The open View Product Sync pages, and the rows that change under them. The results listener says which SKUs a batch
 * changed ({@link ResultsApplied}); every {@link #FLUSH} those of a watched cart are read in one query, each row is
 * rendered once, and each page gets, as one server-sent event, the rows within the SKU range it shows. So fifty pages
 * of one cart cost one query per flush, not fifty per result.
 */
@Component
class LiveRows implements DisposableBean {

    static final Duration FLUSH = Duration.ofMillis(200);
    /** A comment to every open page this often: finds pages that are gone, keeps proxies from closing idle streams. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    static final int MAX_PAGES = 500;
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final LogAccessor LOG = new LogAccessor(LiveRows.class);

    /** One open page: its stream and the SKUs it shows, from {@code first} to {@code last} (null: no bound). */
    private record Watcher(SseEmitter stream, String first, String last) {

        SkuRange range() {
            return new SkuRange(first, last);
        }

        boolean shows(String sku) {
            return (first == null || utf8Order(sku, first) >= 0) && (last == null || utf8Order(sku, last) <= 0);
        }
    }

    private final ProductSyncQueries queries;
    private final ITemplateEngine templates;
    private final Clock clock;
    private final Map<CartKey, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Map<CartKey, Set<String>> changed = new ConcurrentHashMap<>();
    /** Carts whose rows a cycle verdict moved, with the earliest cycleAt since the last flush. */
    private final Map<CartKey, Instant> cycled = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-rows");
        thread.setDaemon(true);
        return thread;
    });

    LiveRows(ProductSyncQueries queries, ITemplateEngine templates, Clock clock) {
        this.queries = queries;
        this.templates = templates;
        this.clock = clock;
        flusher.scheduleWithFixedDelay(this::flush, FLUSH.toMillis(), FLUSH.toMillis(), TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(
                this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream of the rows from {@code first} to {@code last} of one cart as they change. */
    SseEmitter watch(CartKey cart, String first, String last) {
        if (open.incrementAndGet() > MAX_PAGES) {
            open.decrementAndGet();
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too many live pages are open; reload the page later");
        }
        SseEmitter stream = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Watcher watcher = new Watcher(stream, first, last);
        // Added inside compute: a page closing at the same moment cannot drop the list this page was just added to.
        watchers.compute(cart, (key, pages) -> {
            List<Watcher> list = pages == null ? new CopyOnWriteArrayList<>() : pages;
            list.add(watcher);
            return list;
        });
        Runnable gone = () -> forget(cart, watcher);
        stream.onCompletion(gone);
        stream.onTimeout(gone);
        stream.onError(error -> gone.run());
        try {
            // Sends the headers now, so the page knows it is live before the first change.
            stream.send(SseEmitter.event().comment("live"));
        } catch (IOException e) {
            gone.run();
        }
        return stream;
    }

    @EventListener
    void onResults(ResultsApplied applied) {
        if (watchers.isEmpty()) {
            return; // nobody watches: no key of a large batch is looked at
        }
        for (CartSkuKey key : applied.keys()) {
            CartKey cart = key.cart();
            if (watchers.containsKey(cart)) {
                changed.computeIfAbsent(cart, c -> ConcurrentHashMap.newKeySet())
                        .add(key.sku());
            }
        }
        for (CartCycleVerified verdict : applied.verdicts()) {
            if (watchers.containsKey(verdict.key())) {
                cycled.merge(verdict.key(), verdict.cycleAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
    }

    private void flush() {
        Set<CartKey> carts = new HashSet<>(changed.keySet());
        carts.addAll(cycled.keySet());
        for (CartKey cart : carts) {
            Set<String> skus = changed.remove(cart);
            Instant cycledSince = cycled.remove(cart);
            List<Watcher> pages = watchers.get(cart);
            if (pages == null || pages.isEmpty()) {
                continue;
            }
            try {
                send(pages, render(cart, read(cart, skus, cycledSince, pages)));
            } catch (RuntimeException e) {
                LOG.warn(e, "live rows of cart " + cart.value() + " not sent; the pages show them on reload");
            }
        }
    }

    /**
     * The changed SKUs' rows (null: the SKU left the table) in one query; after a verdict, one more query for the rows
     * it moved within the pages' ranges (a verdict names no SKUs: it moves the dates of a whole partition's rows).
     */
    private Map<String, ProductSyncItem> read(
            CartKey cart, Set<String> skus, Instant cycledSince, List<Watcher> pages) {
        Map<String, ProductSyncItem> rows = new HashMap<>();
        if (skus != null) {
            skus.forEach(sku -> rows.put(sku, null));
            for (ProductSyncItem item : queries.findAll(cart.tenantId(), cart.cartId(), skus)) {
                rows.put(item.sku(), item);
            }
        }
        if (cycledSince != null) {
            List<SkuRange> ranges = pages.stream().map(Watcher::range).toList();
            for (ProductSyncItem item : queries.syncedSince(
                    cart.tenantId(), cart.cartId(), ranges, cycledSince, ProductSyncPage.ROWS_PER_PAGE)) {
                rows.put(item.sku(), item);
            }
        }
        return rows;
    }

    /** Each SKU's tbody, rendered once: its row, or its removal when it left the table. */
    private Map<String, String> render(CartKey cart, Map<String, ProductSyncItem> rows) {
        Instant now = clock.instant();
        Set<String> skus = rows.keySet();
        Map<String, String> html = new HashMap<>();
        for (String sku : skus) {
            Context context = new Context();
            context.setVariable("tenantId", cart.tenantId());
            context.setVariable("cartId", cart.cartId());
            ProductSyncItem item = rows.get(sku);
            context.setVariable("row", item == null ? null : SyncRowView.of(item, now));
            context.setVariable("goneId", SyncRowView.elementId(sku));
            html.put(sku, templates.process("product-sync-live", context));
        }
        return html;
    }

    private void send(List<Watcher> pages, Map<String, String> html) {
        for (Watcher page : pages) {
            StringBuilder event = new StringBuilder();
            html.forEach((sku, tbody) -> {
                if (page.shows(sku)) {
                    event.append(tbody);
                }
            });
            if (event.isEmpty()) {
                continue;
            }
            try {
                page.stream().send(SseEmitter.event().name("rows").data(event.toString()));
            } catch (IOException | IllegalStateException e) {
                page.stream().completeWithError(e);
            }
        }
    }

    private void keepAlive() {
        watchers.values()
                .forEach(pages -> pages.forEach(page -> {
                    try {
                        page.stream().send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException e) {
                        page.stream().completeWithError(e);
                    }
                }));
    }

    private void forget(CartKey cart, Watcher watcher) {
        watchers.computeIfPresent(cart, (key, pages) -> {
            if (pages.remove(watcher)) {
                open.decrementAndGet();
            }
            return pages.isEmpty() ? null : pages;
        });
    }

    /** PostgreSQL's "C" order of the table's SKUs: the UTF-8 bytes, unsigned. */
    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        flusher.shutdownNow();
        watchers.values().forEach(pages -> pages.forEach(page -> page.stream().complete()));
    }
}
