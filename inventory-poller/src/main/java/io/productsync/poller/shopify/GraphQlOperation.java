package io.productsync.poller.shopify;

/**
 * One GraphQL document we send. {@code name} keys the cost we learnt for it; {@code firstEstimate} is the cost assumed
 * before Shopify has told us the real one.
 */
record GraphQlOperation(String name, String document, double firstEstimate) {}
