package io.productsync.report.hold;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.productsync.events.HoldReason;
import java.time.Instant;
import java.util.Locale;

/** A held snapshot as the API shows it; {@code sourceKind} is the token of the confirm path, {@code cart} or {@code wms}. */
public record SnapshotHoldView(
        String sourceKind,
        String sourceId,
        HoldReason reason,
        long liveSkus,
        long missingSkus,
        int heldCycles,
        int releaseAfterCycles,
        Instant heldSince,
        Instant observedAt) {

    /** The hold in words, for a user deciding whether to confirm it. */
    @JsonProperty
    public String description() {
        String snapshot =
                "the last snapshot of the " + (sourceKind.equals("cart") ? "cart" : "WMS") + " '" + sourceId + "'";
        String removal = reason == HoldReason.EMPTY_SNAPSHOT
                ? " was empty and would have removed all " + count(missingSkus) + " of its SKUs"
                : " would have removed " + count(missingSkus) + " of " + count(liveSkus) + " SKUs";
        return snapshot + removal + "; held since " + heldSince + " (seen " + heldCycles + " of " + releaseAfterCycles
                + " cycles); applied after " + releaseAfterCycles + " cycles or when you confirm";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
