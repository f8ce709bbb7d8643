package io.productsync.matcher.matching;

/**
 * What an out-of-order guard compares against per key ({@link CartHeld#seen}, {@link WmsHeld#seen}): the newest
 * observation time (epoch millis), its rank among observations of the same time (cart: {@code listings}; absent in rows
 * stored before ranks were kept), or that the key is gone since that time.
 */
record Seen(long atMillis, boolean gone, Integer rank) {

    /**
     * An observation at {@code at} wins over what is held if it is newer, or of the same time and of a higher rank (a
     * later page of one snapshot that found the SKU on one more listing).
     */
    static boolean admits(Seen held, long at, Integer rank) {
        return held == null || at > held.atMillis() || outranks(held, at, rank);
    }

    private static boolean outranks(Seen held, long at, Integer rank) {
        return held != null && at == held.atMillis() && !held.gone() && higher(rank, held.rank());
    }

    /** A removal at {@code at} wins unless what is held is newer. */
    static boolean admitsRemoval(Seen held, long at) {
        return held == null || held.atMillis() <= at;
    }

    /** No rank never outranks; any rank outranks none (a key held since before ranks were kept). */
    private static boolean higher(Integer rank, Integer heldRank) {
        return rank != null && (heldRank == null || rank > heldRank);
    }
}
