package io.productsync.report.syncstatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.productsync.events.MatchedVia;
import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;
import java.time.Instant;

/** One line of the View Product Sync table; {@code lastCartSyncDate == null} means NEVER. */
public record ProductSyncItem(
        String sku,
        boolean inventoryEnabled,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastCartSyncDate,
        SyncOutcome outcome,
        SyncReason reason,
        String detail,
        String matchedWmsSku,
        MatchedVia matchedVia,
        Long cartQuantity,
        Long wmsQuantity,
        Long pushedQuantity,
        Instant evaluatedAt) {}
