package io.productsync.poller.shopify;

import io.productsync.poller.connector.CartItem;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.ThrottledException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a large store with one bulk operation (https://shopify.dev/docs/api/usage/bulk-operations/queries): starts it
 * (an empty first page whose cursor names it), answers "wait" while it runs, then streams its JSONL file a page of
 * lines at a time, keeping the open file between pages. A FAILED, CANCELED or EXPIRED operation ends the listing
 * incomplete.
 */
final class BulkVariants {

    private static final Logger log = LoggerFactory.getLogger(BulkVariants.class);
    private static final Duration FIRST_POLL_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_POLL_WAIT = Duration.ofSeconds(30);

    private final GraphQlClient client;
    private final ShopifySettings settings;
    private final VariantListing listing;
    private final HttpClient http;
    private BulkFile open;
    private String polledOperation;
    private int polls;

    BulkVariants(GraphQlClient client, ShopifySettings settings, VariantListing listing) {
        this.client = client;
        this.settings = settings;
        this.listing = listing;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Starts the bulk query of every variant; the page is empty, its cursor names the operation. */
    Page<CartItem> start() {
        closeOpen();
        JsonNode payload = client.execute(
                        ShopifyDocuments.RUN_BULK_QUERY,
                        Map.of("query", ShopifyDocuments.bulkVariants(settings.locationId())))
                .path("bulkOperationRunQuery");
        List<String> refused = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            refused.add(error.path("code").asString("") + ": "
                    + error.path("message").asString(""));
        }
        String id = payload.path("bulkOperation").path("id").asString("");
        if (!refused.isEmpty() || id.isEmpty()) {
            throw new ConnectorException("shopify " + settings.shopDomain() + " refused the bulk query: "
                    + (refused.isEmpty() ? "no operation id" : String.join("; ", refused)));
        }
        listing.start();
        log.info(
                "shopify {}: more than {} variants, reading them with bulk operation {}",
                settings.shopDomain(),
                settings.bulkThreshold(),
                id);
        return new Page<>(List.of(), Set.of(), new BulkCursor(id, 0).toString());
    }

    /** The page at {@code cursor}: from the open file, or from the operation's file once it has completed. */
    Page<CartItem> read(BulkCursor cursor) {
        if (open == null || !open.continues(cursor)) {
            closeOpen();
            open = completedFile(cursor);
            if (open == null) {
                return listing.page(List.of(), null);
            }
        }
        List<ShopifyVariant> variants = new ArrayList<>();
        try {
            while (variants.size() < settings.pageSize() && open.hasNext()) {
                variants.add(variant(open.next()));
            }
        } catch (ConnectorException e) {
            closeOpen();
            throw e;
        }
        String next = null;
        if (open.hasNext()) {
            next = new BulkCursor(cursor.operationId(), open.lines()).toString();
        } else {
            closeOpen();
        }
        return listing.page(variants, next);
    }

    /** Closes a file a listing left open (a snapshot that ended early). */
    void closeOpen() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    /** The operation's file, opened at the cursor's line; null if it completed with no file (no rows). */
    private BulkFile completedFile(BulkCursor cursor) {
        JsonNode operation = client.execute(ShopifyDocuments.BULK_OPERATION, Map.of("id", cursor.operationId()))
                .path("bulkOperation");
        String describe = "shopify " + settings.shopDomain() + " bulk operation " + cursor.operationId();
        if (!operation.isObject()) {
            throw new ConnectorException(describe + " was not found: the listing is incomplete");
        }
        String status = operation.path("status").asString("");
        switch (status) {
            case "CREATED", "RUNNING", "CANCELING" ->
                throw new ThrottledException(
                        pollWait(cursor.operationId()),
                        describe + " is " + status + " ("
                                + operation.path("objectCount").asString("0") + " objects so far)");
            case "COMPLETED" -> {
                String url = operation.path("url").asString("");
                return url.isEmpty()
                        ? null
                        : BulkFile.open(
                                http, fileUrl(url, describe), settings.requestTimeout(), cursor, settings.shopDomain());
            }
            default -> {
                String code = operation.path("errorCode").asString("");
                throw new ConnectorException(describe + " ended " + status + (code.isEmpty() ? "" : " (" + code + ")")
                        + ": the listing is incomplete, the next one starts a new operation");
            }
        }
    }

    /** The signed link, which no message repeats. */
    private static URI fileUrl(String url, String describe) {
        try {
            URI uri = URI.create(url);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the link
        }
        throw new ConnectorException(describe + " completed with a file URL that is not an http(s) URL");
    }

    /** 1 s, then twice as long each poll of the same operation, at most 30 s. */
    private Duration pollWait(String operationId) {
        if (!operationId.equals(polledOperation)) {
            polledOperation = operationId;
            polls = 0;
        }
        Duration wait = FIRST_POLL_WAIT.multipliedBy(1L << Math.min(polls++, 5));
        return wait.compareTo(LONGEST_POLL_WAIT) > 0 ? LONGEST_POLL_WAIT : wait;
    }

    private ShopifyVariant variant(String line) {
        JsonNode row;
        try {
            row = GraphQlClient.JSON.readTree(line);
        } catch (JacksonException e) {
            throw new ConnectorException(open.describe() + ": line " + open.lines() + " is not JSON");
        }
        if (row == null || !row.isObject() || row.has("__parentId")) {
            // the query has no nested connection: every line is one whole variant
            throw new ConnectorException(open.describe() + ": line " + open.lines() + " is not a variant row");
        }
        return ShopifyVariant.from(row);
    }
}
