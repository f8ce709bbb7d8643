package io.productsync.report.syncstatus;

import io.productsync.events.SyncOutcome;
import io.productsync.events.SyncReason;

/**
 * Which rows of a cart to list; every part is optional.
 *
 * @param never     true: only never-synced rows, false: only synced rows
 * @param skuPrefix SKUs starting with exactly these characters (no wildcards)
 * @param outcome   only rows whose last evaluation had this outcome
 */
public record SyncFilter(Boolean never, SyncReason reason, String skuPrefix, SyncOutcome outcome) {

    /** Any outcome. */
    public SyncFilter(Boolean never, SyncReason reason, String skuPrefix) {
        this(never, reason, skuPrefix, null);
    }

    /**
     * The smallest string above every string starting with {@code prefix}, in code point order (which is the byte
     * order of the "C" collation on UTF-8), or null when there is none.
     */
    public static String prefixEnd(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            if (codePoints[i] < Character.MAX_CODE_POINT) {
                int next =
                        codePoints[i] + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : codePoints[i] + 1;
                codePoints[i] = next;
                return new String(codePoints, 0, i + 1);
            }
        }
        return null;
    }
}
