package io.productsync.poller.extensiv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests the connector never makes, to show what the fake refuses. */
final class FakeRequests {

    private FakeRequests() {}

    static HttpResponse<String> stockSummaries(ExtensivFake fake, String query)
            throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = token(client, fake);
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/inventory/stocksummaries?" + query))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpClient client, ExtensivFake fake) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/AuthServer/api/Token"))
                .header("Authorization", ExtensivWmsConnectorTest.CREDENTIALS.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"client_credentials\",\"user_login\":\"guysmiley\"}"))
                .build();
        String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return ExtensivJson.MAPPER.readTree(body).path("access_token").asString();
    }
}
