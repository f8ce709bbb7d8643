package io.productsync.poller.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every setting of the poller, under {@code productsync.*}. */
@ConfigurationProperties("productsync")
public record PollerSettings(
        @DefaultValue Kafka kafka,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Poller poller) {

    /** Topic layout for the topics this service declares. */
    public record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {}

    /** The file-driven connectors: {@code <dir>/<tenant>/carts/<cart>.csv} and {@code <dir>/<tenant>/wms/<wms>.csv}. */
    public record Sandbox(
            @DefaultValue("./sandbox") Path dir,
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("1000") int pageSize) {}

    /**
     * {@code tick}: how often connections are rediscovered and due polls started. {@code threads}: polls running at
     * once. {@code sendTimeout}: how long a snapshot waits for its sends. {@code appliedPushesRemembered}: LRU size of
     * the pushIds already applied. {@code stateDir}: where the live keys (and holds) of each source are kept across
     * restarts. {@code removalGuard}: when a complete snapshot's removals are held instead of applied.
     */
    public record Poller(
            @DefaultValue("1s") Duration tick,
            @DefaultValue("4") int threads,
            @DefaultValue("2m") Duration sendTimeout,
            @DefaultValue("10000") int progressEvery,
            @DefaultValue("100000") int appliedPushesRemembered,
            @DefaultValue("5") int throttledPushAttempts,
            @DefaultValue("./data/inventory-poller") Path stateDir,
            @DefaultValue RemovalGuard removalGuard) {}

    /**
     * A complete snapshot that would remove more than {@code maxShare} of a source's live SKUs, or that is empty where
     * SKUs are live, has its removals held until {@code releaseAfterCycles} snapshots in a row have come to the same
     * removal (the next one then applies it) or a user confirms it.
     */
    public record RemovalGuard(
            @DefaultValue("0.25") double maxShare,
            @DefaultValue("3") int releaseAfterCycles) {}
}
