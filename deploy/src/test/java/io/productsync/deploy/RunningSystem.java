package io.productsync.deploy;

import io.productsync.report.Operator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The whole system started the way the launcher starts it, against the shared infrastructure, with an HTTP client. */
final class RunningSystem implements AutoCloseable {

    private final ProductSyncServices services;
    private final ReportApi api;

    private RunningSystem(ProductSyncServices services) {
        this.services = services;
        this.api = new ReportApi(services.reportPort());
    }

    static RunningSystem start(Infrastructure infrastructure, Path sandboxDir, Path stateDir, Duration pollInterval) {
        return start(infrastructure, sandboxDir, stateDir, pollInterval, Map.of());
    }

    /** {@code settings} override the test defaults below. */
    static RunningSystem start(
            Infrastructure infrastructure,
            Path sandboxDir,
            Path stateDir,
            Duration pollInterval,
            Map<String, Object> settings) {
        return start(infrastructure, sandboxDir, stateDir, pollInterval, settings, Map.of());
    }

    /** With each service's own settings too, as the launcher passes the credentials key pair. */
    static RunningSystem start(
            Infrastructure infrastructure,
            Path sandboxDir,
            Path stateDir,
            Duration pollInterval,
            Map<String, Object> settings,
            Map<String, Map<String, Object>> perService) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        properties.putAll(infrastructure.reportProperties());
        properties.put(
                "spring.kafka.streams.state-dir",
                stateDir.resolve("sync-matcher").toString());
        properties.put(
                "productsync.poller.state-dir",
                stateDir.resolve("inventory-poller").toString());
        properties.put("productsync.kafka.partitions", "3");
        properties.put("productsync.sandbox.dir", sandboxDir.toString());
        properties.put("productsync.sandbox.poll-interval", pollInterval.toString());
        properties.put("server.port", "0");
        properties.put("productsync.poller.port", "0");
        properties.put("productsync.security.local-admin-password", Operator.password());
        // The next test class's matcher joins the same group at once instead of waiting out this one's session.
        properties.put("spring.kafka.streams.properties.internal.leave.group.on.close", "true");
        properties.putAll(settings);
        return new RunningSystem(
                ProductSyncServices.start(Set.copyOf(ProductSyncServices.ALL), properties, perService));
    }

    /** The report's pages and API, e.g. {@code http://localhost:39123}. */
    String site() {
        return "http://localhost:" + services.reportPort();
    }

    /** Where the poller's webhook endpoint listens. */
    int pollerPort() {
        return services.pollerPort();
    }

    /** The rows of a cart's table (up to 500), or null while the cart is unknown. */
    JsonNode rows(String tenant, String cart) {
        return api.rows(tenant, cart);
    }

    /** The row of one SKU in the View Product Sync table, or null while it (or its cart) has none. */
    JsonNode row(String tenant, String cart, String sku) {
        return api.row(tenant, cart, sku);
    }

    JsonNode get(String path) {
        return api.get(path);
    }

    HttpResponse<String> post(String path) {
        return api.post(path);
    }

    HttpResponse<String> put(String path, Object body) {
        return api.put(path, body);
    }

    HttpResponse<String> delete(String path) {
        return api.delete(path);
    }

    HttpResponse<String> putAlias(String tenant, String alias, String wmsSku, String kind) {
        return api.putAlias(tenant, alias, wmsSku, kind);
    }

    @Override
    public void close() {
        services.close();
    }
}
