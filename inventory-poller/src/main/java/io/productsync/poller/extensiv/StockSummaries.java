package io.productsync.poller.extensiv;

import java.math.BigDecimal;
import java.util.List;

/** One page of {@code GET /inventory/stocksummaries}, the fields the connector reads. */
record StockSummaries(Long totalResults, List<Summary> summaries) {

    StockSummaries {
        summaries = summaries == null ? List.of() : summaries;
    }

    /** Stock of one item (with one qualifier) in one facility; quantities are decimals on the wire ({@code 80.0}). */
    record Summary(Long facilityId, ItemIdentifier itemIdentifier, String qualifier, BigDecimal available) {

        String sku() {
            return itemIdentifier == null ? null : itemIdentifier.sku();
        }
    }

    record ItemIdentifier(String sku, Long id) {}
}
