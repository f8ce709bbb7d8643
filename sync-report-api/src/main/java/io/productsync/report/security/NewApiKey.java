package io.productsync.report.security;

import java.time.Instant;
import java.util.UUID;

/** The answer to creating a key: the only time {@code key} is ever shown. */
public record NewApiKey(UUID keyId, String name, String role, Instant createdAt, String key) {

    @Override
    public String toString() {
        return "NewApiKey[keyId=" + keyId + ", name=" + name + ", role=" + role + ", key=(shown once)]";
    }
}
