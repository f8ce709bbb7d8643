package io.productsync.report.security;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never the key, never its hash. */
public record ApiKeyView(
        UUID keyId, String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
