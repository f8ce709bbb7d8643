package io.productsync.report.syncstatus;

import java.util.Map;

/**
 * Counts of one cart; {@code neverByReason} lists every reason, zeros included; {@code failed}: rows whose last
 * evaluation FAILED (synced before or never); {@code lastCycle}: when its last full cycle finished (null: no verdict
 * yet).
 */
public record SyncSummary(
        long total, long synced, long never, Map<String, Long> neverByReason, long failed, LastCycle lastCycle) {}
