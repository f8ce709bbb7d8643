package io.productsync.poller.shopify;

import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.ThrottledException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP to one store's Admin API: pays each request from the {@link CostBucket} first, and turns
 * THROTTLED (whatever the HTTP status) into {@link ThrottledException} and any other error into
 * {@link ConnectorException}. The access token goes into the header only, never into a message.
 */
final class GraphQlClient {

    // Integers stay integral (long or BigInteger), never doubles: Shopify ids exceed 2^53.
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final ShopifySettings settings;
    private final ShopifyCredentials credentials;
    private final CostBucket bucket;
    private final HttpClient http;

    GraphQlClient(ShopifySettings settings, ShopifyCredentials credentials, CostBucket bucket) {
        this.settings = settings;
        this.credentials = credentials;
        this.bucket = bucket;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .build();
    }

    /** The {@code data} of a successful response. */
    JsonNode execute(GraphQlOperation operation, Map<String, Object> variables) {
        bucket.pay(operation.name(), operation.firstEstimate());
        HttpResponse<String> response = send(operation, variables);
        JsonNode body = parse(operation, response);
        bucket.observe(operation.name(), body.path("extensions").get("cost"));
        List<String> errors = errors(operation, body);
        if (!errors.isEmpty()) {
            throw new ConnectorException(describe(operation) + " failed: " + String.join("; ", errors));
        }
        if (response.statusCode() / 100 != 2) {
            throw new ConnectorException(describe(operation) + " answered HTTP " + response.statusCode());
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw new ConnectorException(describe(operation) + " answered without data");
        }
        return data;
    }

    private HttpResponse<String> send(GraphQlOperation operation, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", operation.document());
        request.put("variables", variables);
        HttpRequest httpRequest = HttpRequest.newBuilder(settings.graphqlEndpoint())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Access-Token", credentials.accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectorException(
                    describe(operation) + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(describe(operation) + " interrupted", e);
        }
    }

    private JsonNode parse(GraphQlOperation operation, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ConnectorException(describe(operation) + " answered HTTP " + status
                    + ": the access token is wrong or lacks a scope (read_products, read_inventory, write_inventory,"
                    + " read_locations)");
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JacksonException e) {
            // reported below with what the server sent instead
        }
        throw new ConnectorException(describe(operation) + " answered HTTP " + status
                + " with a body that is not JSON: " + excerpt(response));
    }

    /** Throws on THROTTLED; returns the other errors as {@code code: message}. */
    private static List<String> errors(GraphQlOperation operation, JsonNode body) {
        List<String> errors = new ArrayList<>();
        JsonNode list = body.get("errors");
        if (list == null || list.isNull()) {
            return errors;
        }
        if (!list.isArray()) {
            errors.add(list.asString(list.toString()));
            return errors;
        }
        for (JsonNode error : list) {
            String code = error.path("extensions").path("code").asString("");
            if ("THROTTLED".equals(code)) {
                JsonNode cost = body.path("extensions").path("cost");
                throw new ThrottledException(
                        CostBucket.throttledWait(cost), "shopify " + operation.name() + " was THROTTLED");
            }
            String message = error.path("message").asString("");
            errors.add(code.isEmpty() ? message : code + ": " + message);
        }
        return errors;
    }

    private String describe(GraphQlOperation operation) {
        return "shopify " + settings.shopDomain() + " " + operation.name();
    }

    /** The start of an unexpected body, with the token blanked in case a proxy echoes the request. */
    private String excerpt(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        body = body.replace(credentials.accessToken(), "(hidden)");
        return body.length() <= 200 ? "'" + body + "'" : "'" + body.substring(0, 200) + "...'";
    }
}
