package io.productsync.deploy;

import io.productsync.events.EventJson;
import io.productsync.report.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** The report's REST API as the end-to-end tests call it. */
final class ReportApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    ReportApi(int port) {
        this.baseUrl = "http://localhost:" + port + "/api/v1";
    }

    /** The rows of a cart's View Product Sync table (up to 500), or null while the cart is unknown (404). */
    JsonNode rows(String tenant, String cart) {
        String path = "/tenants/" + tenant + "/carts/" + cart + "/product-sync?limit=500";
        HttpResponse<String> response =
                send(Operator.request(URI.create(baseUrl + path)).GET().build());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return EventJson.MAPPER.readTree(response.body()).path("items");
    }

    /** The row of one SKU in the View Product Sync table, or null while it (or its cart) has none. */
    JsonNode row(String tenant, String cart, String sku) {
        JsonNode rows = rows(tenant, cart);
        if (rows == null) {
            return null;
        }
        for (JsonNode item : rows) {
            if (item.path("sku").asString().equals(sku)) {
                return item;
            }
        }
        return null;
    }

    JsonNode get(String path) {
        HttpResponse<String> response =
                send(Operator.request(URI.create(baseUrl + path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return EventJson.MAPPER.readTree(response.body());
    }

    HttpResponse<String> post(String path) {
        return send(Operator.request(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    HttpResponse<String> putAlias(String tenant, String alias, String wmsSku, String kind) {
        String body = "{\"wmsSku\":\"" + wmsSku + "\",\"kind\":\"" + kind + "\"}";
        return send(Operator.request(URI.create(baseUrl + "/tenants/" + tenant + "/aliases/"
                        + URLEncoder.encode(alias, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A PUT of a JSON body, e.g. a connection. */
    HttpResponse<String> put(String path, Object body) {
        return send(Operator.request(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(EventJson.MAPPER.writeValueAsString(body)))
                .build());
    }

    HttpResponse<String> delete(String path) {
        return send(Operator.request(URI.create(baseUrl + path)).DELETE().build());
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
}
