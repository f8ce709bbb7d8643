package io.productsync.poller.shopify;

import io.productsync.poller.connector.ConnectorException;

/**
 * Where a bulk listing stands: the operation and how many lines of its file were handed out. Written
 * {@code bulk:<line>:<operation gid>}, which no {@code productVariants} cursor (base64) can look like.
 */
record BulkCursor(String operationId, long line) {

    private static final String PREFIX = "bulk:";

    static boolean is(String cursor) {
        return cursor.startsWith(PREFIX);
    }

    static BulkCursor parse(String cursor) {
        int colon = cursor.indexOf(':', PREFIX.length());
        try {
            if (colon > 0) {
                return new BulkCursor(
                        cursor.substring(colon + 1), Long.parseLong(cursor.substring(PREFIX.length(), colon)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectorException("'" + cursor + "' is not a bulk cursor");
    }

    @Override
    public String toString() {
        return PREFIX + line + ":" + operationId;
    }
}
