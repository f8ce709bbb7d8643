package io.productsync.poller.extensiv;

import io.productsync.events.Ids;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.WmsItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The available stock of the chosen facilities, summed per SKU over a whole listing. Extensiv lists one row per
 * facility, item and qualifier in no documented order, so one SKU's rows can sit on different pages: nothing is known
 * per SKU before the last page. Rows are kept by that identity, so a row that a shifting listing shows twice counts
 * once. A SKU with a non-whole or missing quantity in any chosen row is unreadable: reported, not published, not gone.
 */
final class FacilityStock {

    private static final Logger log = LoggerFactory.getLogger(FacilityStock.class);

    private final Set<Long> facilityIds;
    private final String source;
    private final Map<RowId, Row> rows = new LinkedHashMap<>();
    private int otherFacilities;
    private int withoutSku;

    FacilityStock(Set<Long> facilityIds, String source) {
        this.facilityIds = facilityIds;
        this.source = source;
    }

    void add(StockSummaries.Summary summary) {
        if (summary.facilityId() == null || !facilityIds.contains(summary.facilityId())) {
            otherFacilities++;
            return;
        }
        String sku = summary.sku();
        try {
            Ids.requireSku(sku, "sku");
        } catch (IllegalArgumentException e) {
            withoutSku++;
            return;
        }
        Long itemId = summary.itemIdentifier().id();
        RowId id = new RowId(
                summary.facilityId(), itemId == null ? sku : itemId.toString(), String.valueOf(summary.qualifier()));
        rows.put(id, new Row(sku, summary.available()));
    }

    /** Every SKU with its sum, and the SKUs that could not be summed; the last page of a read. */
    Page<WmsItem> result() {
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, BigDecimal> unreadable = new HashMap<>();
        for (Map.Entry<RowId, Row> entry : rows.entrySet()) {
            Row row = entry.getValue();
            Long whole = whole(row.available());
            if (whole == null) {
                unreadable.putIfAbsent(row.sku(), row.available());
                log.warn(
                        "{}: SKU '{}' has available quantity {} in facility {}, not a whole number; "
                                + "the SKU is neither published nor removed this time",
                        source,
                        row.sku(),
                        row.available(),
                        entry.getKey().facilityId());
            } else {
                totals.merge(row.sku(), whole, Math::addExact);
            }
        }
        totals.keySet().removeAll(unreadable.keySet());
        if (otherFacilities > 0 || withoutSku > 0) {
            log.info(
                    "{}: {} rows of other facilities ignored, {} rows without a valid SKU skipped",
                    source,
                    otherFacilities,
                    withoutSku);
        }
        List<WmsItem> items = new ArrayList<>(totals.size());
        totals.forEach((sku, available) -> items.add(new WmsItem(sku, available)));
        return new Page<>(items, new LinkedHashSet<>(unreadable.keySet()), null);
    }

    private static Long whole(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        try {
            return quantity.longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    private record RowId(long facilityId, String item, String qualifier) {}

    private record Row(String sku, BigDecimal available) {}
}
