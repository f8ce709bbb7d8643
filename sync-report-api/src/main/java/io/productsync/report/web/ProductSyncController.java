package io.productsync.report.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.productsync.report.hold.SnapshotHoldView;
import io.productsync.report.hold.SnapshotHolds;
import io.productsync.report.syncstatus.LastCycle;
import io.productsync.report.syncstatus.ProductSyncItem;
import io.productsync.report.syncstatus.ProductSyncQueries;
import io.productsync.report.syncstatus.SyncFilter;
import io.productsync.report.syncstatus.SyncSummary;
import io.productsync.report.system.KeysetPage;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The View Product Sync table of one cart. One SKU lives under {@code items/}, so no SKU (not even "summary") can
 * collide with the summary, and SKUs with '/' work unencoded.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/carts/{cartId}/product-sync")
class ProductSyncController {

    private final ProductSyncQueries queries;
    private final SnapshotHolds holds;
    private final KnownScope scope;

    ProductSyncController(ProductSyncQueries queries, SnapshotHolds holds, KnownScope scope) {
        this.queries = queries;
        this.holds = holds;
        this.scope = scope;
    }

    @GetMapping
    Page<ProductSyncItem> list(
            @PathVariable String tenantId,
            @PathVariable String cartId,
            @RequestParam(required = false) String never,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String skuPrefix,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after) {
        scope.cartIds(tenantId, cartId);
        SyncFilter filter = RequestParams.filter(never, reason, skuPrefix, outcome);
        KeysetPage<ProductSyncItem> page =
                queries.page(tenantId, cartId, filter, RequestParams.after(after), RequestParams.limit(limit));
        // A page with rows proves the cart known (it has rows): only an empty one pays the query that tells an empty
        // page from an unknown cart (404). One round trip to PostgreSQL per page instead of two.
        if (page.items().isEmpty()) {
            scope.known(tenantId, cartId);
        }
        return new Page<>(page.items(), RequestParams.cursor(page.lastKey()));
    }

    /** The counts, and the snapshot holds that keep SKUs in the table that may have left the cart or the WMS. */
    record CartSummary(
            long total,
            long synced,
            long never,
            Map<String, Long> neverByReason,
            long failed,
            @JsonInclude(JsonInclude.Include.ALWAYS) LastCycle lastCycle,
            List<SnapshotHoldView> snapshotHolds) {}

    @GetMapping("/summary")
    CartSummary summary(@PathVariable String tenantId, @PathVariable String cartId) {
        scope.cart(tenantId, cartId);
        SyncSummary counts = queries.summary(tenantId, cartId);
        return new CartSummary(
                counts.total(),
                counts.synced(),
                counts.never(),
                counts.neverByReason(),
                counts.failed(),
                counts.lastCycle(),
                holds.ofCart(tenantId, cartId));
    }

    @GetMapping("/items/{*sku}")
    ProductSyncItem one(@PathVariable String tenantId, @PathVariable String cartId, @PathVariable("sku") String path) {
        scope.cart(tenantId, cartId);
        String sku = RequestParams.rest(path, "sku");
        return queries.find(tenantId, cartId, sku)
                .orElseThrow(() -> Problems.notFound(
                        "cart '" + cartId + "' has no SKU '" + sku + "': list the cart to see its SKUs"));
    }
}
