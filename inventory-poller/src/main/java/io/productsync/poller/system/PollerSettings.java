package io.productsync.poller.system;

import java.net.URI;
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
     * {@code webhooks}: where vendors reach this service's webhook endpoints.
     */
    public record Poller(
            @DefaultValue("1s") Duration tick,
            @DefaultValue("4") int threads,
            @DefaultValue("2m") Duration sendTimeout,
            @DefaultValue("10000") int progressEvery,
            @DefaultValue("100000") int appliedPushesRemembered,
            @DefaultValue("5") int throttledPushAttempts,
            @DefaultValue("./data/inventory-poller") Path stateDir,
            @DefaultValue RemovalGuard removalGuard,
            @DefaultValue Webhooks webhooks) {}

    /**
     * {@code publicUrl}: the public http(s) URL under which vendors reach this service (e.g. {@code
     * https://sync.example.com}); webhooks are subscribed to {@code <publicUrl>/webhooks/shopify/<tenant>/<cart>}.
     * Blank: no webhook is subscribed, polling alone keeps carts in step.
     */
    public record Webhooks(@DefaultValue("") String publicUrl) {

        public Webhooks {
            if (!publicUrl.isBlank() && !publicUrl.matches("https?://[^\\s/?#@]+(/[^\\s?#]*)?")) {
                throw new IllegalArgumentException("productsync.poller.webhooks.public-url '" + publicUrl
                        + "' is not an http(s) URL without query, fragment or user (e.g. https://sync.example.com)");
            }
        }

        /** Where a cart's webhooks go, or null without a public URL. */
        public URI callback(String platform, String tenantId, String cartId) {
            if (publicUrl.isBlank()) {
                return null;
            }
            String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
            return URI.create(base + "/webhooks/" + platform + "/" + tenantId + "/" + cartId);
        }
    }

    /**
     * A complete snapshot that would remove more than {@code maxShare} of a source's live SKUs, or that is empty where
     * SKUs are live, has its removals held until {@code releaseAfterCycles} snapshots in a row have come to the same
     * removal (the next one then applies it) or a user confirms it.
     */
    public record RemovalGuard(
            @DefaultValue("0.25") double maxShare,
            @DefaultValue("3") int releaseAfterCycles) {}
}
