package io.productsync.report.syncstatus;

import java.time.Instant;

/** A cart's latest cycle verdict: the cycle that started at {@code cycleAt} finished at {@code completedAt}. */
public record LastCycle(Instant cycleAt, Instant completedAt) {}
