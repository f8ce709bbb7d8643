package io.productsync.deploy;

import io.productsync.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The whole system started the way the launcher starts it, against the shared infrastructure, with an HTTP client. */
final class RunningSystem implements AutoCloseable {

    private final ProductSyncServices services;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    private RunningSystem(ProductSyncServices services) {
        this.services = services;
        this.baseUrl = "http://localhost:" + services.reportPort() + "/api/v1";
    }

    static RunningSystem start(Infrastructure infrastructure, Path sandboxDir, Path stateDir, Duration pollInterval) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        properties.put("spring.datasource.url", infrastructure.jdbcUrl());
        properties.put("spring.datasource.username", infrastructure.username());
        properties.put("spring.datasource.password", infrastructure.password());
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
        // The next test class's matcher joins the same group at once instead of waiting out this one's session.
        properties.put("spring.kafka.streams.properties.internal.leave.group.on.close", "true");
        return new RunningSystem(ProductSyncServices.start(Set.copyOf(ProductSyncServices.ALL), properties));
    }

    /** The row of one SKU in the View Product Sync table, or null while it (or its cart) has none. */
    JsonNode row(String tenant, String cart, String sku) {
        String path = "/tenants/" + tenant + "/carts/" + cart + "/product-sync?limit=500";
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        if (response.statusCode() == 404) {
            return null;
        }
        for (JsonNode item : EventJson.MAPPER.readTree(response.body()).path("items")) {
            if (item.path("sku").asString().equals(sku)) {
                return item;
            }
        }
        return null;
    }

    JsonNode get(String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return EventJson.MAPPER.readTree(response.body());
    }

    HttpResponse<String> putAlias(String tenant, String alias, String wmsSku, String kind) {
        String body = "{\"wmsSku\":\"" + wmsSku + "\",\"kind\":\"" + kind + "\"}";
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/tenants/" + tenant + "/aliases/"
                        + URLEncoder.encode(alias, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        services.close();
    }
}
