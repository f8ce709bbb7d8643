package io.productsync.poller.shopify;

import io.productsync.poller.connector.ConnectorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The JSONL file of a completed bulk operation, read a line at a time straight from the HTTP response: never held
 * whole. Its URL is a signed link to the store's data, so it appears in no message, and the access token is not sent
 * there (the file lives on Shopify's storage host, not the Admin API).
 */
final class BulkFile implements AutoCloseable {

    private final String operationId;
    private final String describe;
    private final BufferedReader reader;
    private long lines;
    private String pending;

    private BulkFile(String operationId, String describe, BufferedReader reader) {
        this.operationId = operationId;
        this.describe = describe;
        this.reader = reader;
    }

    /** Opens the file and skips the {@code line} lines a listing already handed out. */
    static BulkFile open(HttpClient http, URI url, Duration timeout, BulkCursor at, String shopDomain) {
        String describe = "shopify " + shopDomain + " bulk file of " + at.operationId();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ConnectorException(
                    describe + " could not be downloaded: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(describe + ": download interrupted", e);
        }
        if (response.statusCode() != 200) {
            try (InputStream ignored = response.body()) {
                throw new ConnectorException(describe + " answered HTTP " + response.statusCode());
            } catch (IOException e) {
                throw new ConnectorException(describe + " answered HTTP " + response.statusCode(), e);
            }
        }
        BulkFile file = new BulkFile(
                at.operationId(),
                describe,
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
        while (file.lines < at.line() && file.next() != null) {
            // skipped: handed out before
        }
        return file;
    }

    /** Whether this file is the one {@code cursor} reads, at the line it stands on. */
    boolean continues(BulkCursor cursor) {
        return cursor.operationId().equals(operationId) && cursor.line() == lines;
    }

    boolean hasNext() {
        if (pending == null) {
            pending = readLine();
        }
        return pending != null;
    }

    /** The next line, or null at the end of the file. */
    String next() {
        String line = hasNext() ? pending : null;
        if (line != null) {
            pending = null;
            lines++;
        }
        return line;
    }

    /** Lines handed out so far (the next line's number, counting from 0). */
    long lines() {
        return lines;
    }

    String describe() {
        return describe;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing more will be read from it
        }
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new ConnectorException(
                    describe + ": reading failed after line " + lines + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }
}
