package io.productsync.report;

import io.productsync.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** JSON over real HTTP to a running service; keeps every exchange so a test can scan what was answered. */
final class ApiClient {

    record Response(int status, String contentType, String text, String headers) {

        JsonNode body() {
            return text.isEmpty() ? null : EventJson.MAPPER.readTree(text);
        }

        String detail() {
            return body().get("detail").asString();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String origin;
    private final String base;
    private final String authorization;
    private final List<Response> exchanged = new ArrayList<>();

    /** Signed in as the operator ({@link Operator}). */
    ApiClient(int port) {
        this(port, Operator.authorization());
    }

    /** With this {@code Authorization} header ({@code Bearer psk_...}, {@code Basic ...}), or none when null. */
    ApiClient(int port, String authorization) {
        this.origin = "http://localhost:" + port;
        this.base = origin + "/api/v1/tenants/";
        this.authorization = authorization;
    }

    /** The same caller with an API key. */
    ApiClient withKey(String key) {
        return new ApiClient(Integer.parseInt(origin.substring(origin.lastIndexOf(':') + 1)), "Bearer " + key);
    }

    /** A page or any other path of the site ({@code /tenants/t}, {@code /actuator/health}), not under the API. */
    Response site(String method, String path) {
        return exchange(method, URI.create(origin + path), "text/html", null);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response put(String path, String json) {
        return send("PUT", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String json) {
        return send(method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Response send(String method, String path, String contentType, byte[] content) {
        return exchange(method, URI.create(base + path), contentType, content);
    }

    private Response exchange(String method, URI uri, String contentType, byte[] content) {
        String path = uri.getPath();
        HttpRequest.BodyPublisher body =
                content == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(content);
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).header("Content-Type", contentType).method(method, body);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Response answered = new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().map().toString());
            synchronized (exchanged) {
                exchanged.add(answered);
            }
            return answered;
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    List<Response> exchanged() {
        synchronized (exchanged) {
            return List.copyOf(exchanged);
        }
    }
}
