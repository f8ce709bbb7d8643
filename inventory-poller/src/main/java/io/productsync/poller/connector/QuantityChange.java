package io.productsync.poller.connector;

import java.util.UUID;

/**
 * Set {@code sku} to {@code target} if the cart still holds {@code expected}. Carts with native compare-and-set
 * (Shopify {@code changeFromQuantity}) pass {@code expected} through; others read first. {@code idempotencyKey} is
 * stable per push, for carts that take one (Shopify {@code @idempotent}).
 */
public record QuantityChange(String sku, long expected, long target, UUID idempotencyKey) {}
