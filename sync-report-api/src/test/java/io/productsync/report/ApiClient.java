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
    private final String base;
    private final List<Response> exchanged = new ArrayList<>();

    ApiClient(int port) {
        this.base = "http://localhost:" + port + "/api/v1/tenants/";
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
        HttpRequest.BodyPublisher body =
                content == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(content);
        HttpRequest request = Operator.request(URI.create(base + path))
                .header("Content-Type", contentType)
                .method(method, body)
                .build();
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
