package io.productsync.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A GET on the calling thread (HttpURLConnection, whose kept-alive connection is reused once a body is read to its
 * end): next to java.net.http's client, whose selector and executor threads add hand-offs that are the client's, not
 * the server's.
 */
final class BlockingHttp {

    private BlockingHttp() {}

    static String get(String url) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestProperty("Authorization", Operator.authorization());
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + connection.getResponseCode());
            }
            try (InputStream body = connection.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
