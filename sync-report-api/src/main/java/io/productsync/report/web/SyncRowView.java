package io.productsync.report.web;

import io.productsync.events.MatchedVia;
import io.productsync.report.syncstatus.ProductSyncItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * One row of the View Product Sync page, as text: the same {@link ProductSyncItem} the API serves, with its dates
 * written out (UTC, and how long ago) and, for a row never synced or failed, its reason and what to do.
 */
record SyncRowView(
        String sku,
        String inventoryEnabled,
        String lastSyncIso,
        String lastSyncUtc,
        String lastSyncAgo,
        String outcome,
        String reasonCode,
        String reasonLabel,
        String fix,
        String detail,
        String cartQuantity,
        String wmsQuantity,
        String matchedWmsSku,
        boolean viaAlias) {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static SyncRowView of(ProductSyncItem item, Instant now) {
        Instant synced = item.lastCartSyncDate();
        ReasonText reason = item.reason() == null ? null : ReasonText.of(item.reason());
        return new SyncRowView(
                item.sku(),
                item.inventoryEnabled() ? "Yes" : "No",
                synced == null ? null : synced.toString(),
                synced == null ? null : UTC.format(synced),
                synced == null ? null : ago(Duration.between(synced, now)),
                item.outcome().name(),
                item.reason() == null ? null : item.reason().name(),
                reason == null ? null : reason.label(),
                reason == null ? null : reason.fix(),
                item.detail(),
                item.cartQuantity() == null ? "" : item.cartQuantity().toString(),
                item.wmsQuantity() == null ? "" : item.wmsQuantity().toString(),
                item.matchedWmsSku(),
                item.matchedVia() == MatchedVia.ALIAS);
    }

    /** The id of the SKU's tbody in the page: any SKU, as letters, digits, '-' and '_' only. */
    public String elementId() {
        return elementId(sku);
    }

    static String elementId(String sku) {
        return "sku-" + Base64.getUrlEncoder().withoutPadding().encodeToString(sku.getBytes(StandardCharsets.UTF_8));
    }

    /** "just now", "3 min ago", "2 h ago", "4 days ago"; a date in the future (clock skew) reads "just now". */
    static String ago(Duration elapsed) {
        long seconds = elapsed.getSeconds();
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        long days = seconds / 86_400;
        return days == 1 ? "1 day ago" : days + " days ago";
    }
}
