package io.productsync.report.web;

import io.productsync.events.CartKey;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import io.productsync.report.syncstatus.ProductSyncItem;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.SyncFilter;
import io.productsync.report.syncstatus.SyncSummary;
import io.productsync.report.system.KeysetPage;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The View Product Sync page of one cart: the same queries as the JSON API ({@link ProductSyncQueries}), the same
 * filters and keyset cursor, rendered as a table whose URL holds the filters, so a view can be bookmarked and shared.
 */
@Controller
class ProductSyncPage {

    static final int ROWS_PER_PAGE = 50;

    private final ProductSyncQueries queries;
    private final KnownScope scope;
    private final LiveRows live;
    private final Clock clock;

    ProductSyncPage(ProductSyncQueries queries, KnownScope scope, LiveRows live, Clock clock) {
        this.queries = queries;
        this.scope = scope;
        this.live = live;
        this.clock = clock;
    }

    /** A reason's count in the summary bar, and the link that shows its rows. */
    record ReasonCount(String code, String label, long count, String url) {}

    @GetMapping("/tenants/{tenantId}/carts/{cartId}/product-sync")
    String page(
            @PathVariable String tenantId,
            @PathVariable String cartId,
            @RequestParam(required = false) String never,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String skuPrefix,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            Model model) {
        scope.cart(tenantId, cartId);
        SyncFilter filter = RequestParams.filter(
                RequestParams.given(never),
                RequestParams.given(reason),
                RequestParams.given(skuPrefix),
                RequestParams.given(outcome));
        if (after != null && before != null) {
            throw Problems.badRequest("give after (the next page) or before (the previous page), not both");
        }
        Window window = before == null
                ? Window.after(
                        queries.page(tenantId, cartId, filter, RequestParams.after(after), ROWS_PER_PAGE),
                        after == null)
                : Window.before(
                        queries.pageBefore(tenantId, cartId, filter, RequestParams.after(before), ROWS_PER_PAGE));
        List<ProductSyncItem> items = window.items();
        SyncSummary summary = queries.summary(tenantId, cartId);
        Instant now = clock.instant();
        String base = "/tenants/" + tenantId + "/carts/" + cartId + "/product-sync";

        model.addAttribute("tenantId", tenantId);
        model.addAttribute("cartId", cartId);
        model.addAttribute(
                "rows", items.stream().map(item -> SyncRowView.of(item, now)).toList());
        model.addAttribute("summary", summary);
        model.addAttribute("reasonCounts", reasonCounts(summary, base));
        model.addAttribute(
                "reasons",
                Arrays.stream(SyncReason.values())
                        .map(r -> new ReasonCount(r.name(), ReasonText.of(r).label(), 0, null))
                        .toList());
        model.addAttribute("never", Boolean.TRUE.equals(filter.never()));
        model.addAttribute(
                "reason", filter.reason() == null ? "" : filter.reason().name());
        model.addAttribute("skuPrefix", filter.skuPrefix() == null ? "" : filter.skuPrefix());
        model.addAttribute(
                "outcome", filter.outcome() == null ? "" : filter.outcome().name());
        model.addAttribute(
                "outcomes", Arrays.stream(SyncOutcome.values()).map(Enum::name).toList());
        model.addAttribute("failedUrl", base + "?outcome=FAILED");
        model.addAttribute(
                "filtered",
                filter.never() != null
                        || filter.reason() != null
                        || filter.skuPrefix() != null
                        || filter.outcome() != null);
        model.addAttribute("allUrl", base);
        model.addAttribute("neverUrl", base + "?never=true");
        model.addAttribute("syncedUrl", base + "?never=false");
        model.addAttribute("firstUrl", window.first() ? null : url(base, filter, null, null));
        model.addAttribute(
                "previousUrl",
                window.first() ? null : url(base, filter, null, items.get(0).sku()));
        model.addAttribute(
                "nextUrl",
                window.last()
                        ? null
                        : url(base, filter, items.get(items.size() - 1).sku(), null));
        model.addAttribute("liveUrl", liveUrl(base, window));
        model.addAttribute("exportUrl", url("/api/v1" + base + "/export", filter, null, null));
        return "product-sync";
    }

    /**
     * The rows of this cart as they change, from {@code from} to {@code to} (cursors of the page's first and last SKU;
     * absent: no bound), as server-sent events of tbody elements that replace their own.
     */
    @GetMapping(path = "/tenants/{tenantId}/carts/{cartId}/product-sync/live", produces = "text/event-stream")
    SseEmitter live(
            @PathVariable String tenantId,
            @PathVariable String cartId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        scope.cart(tenantId, cartId);
        return live.watch(new CartKey(tenantId, cartId), RequestParams.after(from), RequestParams.after(to));
    }

    /**
     * The rows a page shows, and whether it is the first or the last of the table (an empty page is both: it has
     * nothing to page from).
     */
    private record Window(List<ProductSyncItem> items, boolean first, boolean last) {

        static Window after(KeysetPage<ProductSyncItem> page, boolean fromStart) {
            return new Window(page.items(), fromStart || page.items().isEmpty(), page.lastKey() == null);
        }

        static Window before(KeysetPage<ProductSyncItem> page) {
            return new Window(page.items(), page.lastKey() == null, page.items().isEmpty());
        }
    }

    /** The first page watches from the start, the last one to the end; any other its own SKUs. */
    private static String liveUrl(String base, Window window) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(base + "/live");
        if (!window.first()) {
            url.queryParam("from", RequestParams.cursor(window.items().get(0).sku()));
        }
        if (!window.last()) {
            url.queryParam(
                    "to",
                    RequestParams.cursor(
                            window.items().get(window.items().size() - 1).sku()));
        }
        return url.encode().build().toUriString();
    }

    private static List<ReasonCount> reasonCounts(SyncSummary summary, String base) {
        return summary.neverByReason().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> new ReasonCount(
                        entry.getKey(),
                        ReasonText.of(SyncReason.valueOf(entry.getKey())).label(),
                        entry.getValue(),
                        base + "?never=true&reason=" + entry.getKey()))
                .toList();
    }

    /** The page's URL with its filters, and the cursor of the page after or before a SKU (none: the first page). */
    private static String url(String base, SyncFilter filter, String afterKey, String beforeKey) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(base);
        if (filter.never() != null) {
            url.queryParam("never", filter.never());
        }
        if (filter.reason() != null) {
            url.queryParam("reason", filter.reason().name());
        }
        if (filter.skuPrefix() != null) {
            url.queryParam("skuPrefix", filter.skuPrefix());
        }
        if (filter.outcome() != null) {
            url.queryParam("outcome", filter.outcome().name());
        }
        if (afterKey != null) {
            url.queryParam("after", RequestParams.cursor(afterKey));
        }
        if (beforeKey != null) {
            url.queryParam("before", RequestParams.cursor(beforeKey));
        }
        return url.encode().build().toUriString();
    }
}
