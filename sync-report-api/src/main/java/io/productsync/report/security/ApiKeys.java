package io.productsync.report.security;

import io.productsync.report.system.Ingest;
import io.productsync.report.system.TenantReads;
import io.productsync.report.web.Problems;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-tenant API keys: {@code psk_} and 256 random bits, shown once on creation; only their SHA-256 is stored (the
 * key is random, so a fast hash is as safe as a slow one here and one index lookup finds it). Revoked keys stay
 * listed with their revocation time and never authenticate again.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "psk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 100;

    /** A key that authenticates: whose it is and what it may do. */
    record Holder(UUID keyId, String tenantId, TenantRole role) {}

    private final TenantReads tenants;
    private final JdbcClient holders;
    private final Clock clock;
    private final LastUsed lastUsed;

    /**
     * {@code holders}: the ingest role, which finds a key by its hash before anyone knows whose it is; a tenant's own
     * keys are created, listed and revoked as the web role in that tenant's transaction (row-level security, V11).
     */
    ApiKeys(TenantReads tenants, @Ingest DataSource holders, Clock clock, LastUsed lastUsed) {
        this.tenants = tenants;
        this.holders = JdbcClient.create(holders);
        this.clock = clock;
        this.lastUsed = lastUsed;
    }

    /** 400 naming the field for a bad name or role. */
    public NewApiKey create(String tenantId, String name, String role) {
        if (name == null
                || name.isBlank()
                || name.length() > MAX_NAME
                || name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.badRequest(
                    "name", "name must be 1-" + MAX_NAME + " characters without control characters, e.g. \"ci\"");
        }
        TenantRole granted = TenantRole.of(role);
        if (granted == null) {
            throw Problems.badRequest("role", "role must be viewer or admin");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID keyId = UUID.randomUUID();
        // As PostgreSQL keeps it, so the answer and the list show the same time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tenants.write(
                tenantId,
                jdbc -> jdbc.sql("""
                        INSERT INTO api_keys (key_id, tenant_id, name, role, key_hash, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                        .params(keyId, tenantId, name, granted.text(), hash(key), Timestamp.from(now))
                        .update());
        return new NewApiKey(keyId, name, granted.text(), now, key);
    }

    public List<ApiKeyView> list(String tenantId) {
        return tenants.read(
                tenantId,
                jdbc -> jdbc.sql("""
                        SELECT key_id, name, role, created_at, last_used_at, revoked_at FROM api_keys
                        WHERE tenant_id = ? ORDER BY created_at, key_id
                        """)
                        .param(tenantId)
                        .query((rs, n) -> {
                            UUID keyId = rs.getObject("key_id", UUID.class);
                            return new ApiKeyView(
                                    keyId,
                                    rs.getString("name"),
                                    rs.getString("role"),
                                    rs.getTimestamp("created_at").toInstant(),
                                    lastUsed.latest(keyId, instant(rs.getTimestamp("last_used_at"))),
                                    instant(rs.getTimestamp("revoked_at")));
                        })
                        .list());
    }

    /** False when the tenant has no such key (another tenant's key included) or it was revoked already. */
    public boolean revoke(String tenantId, UUID keyId) {
        return tenants.write(
                        tenantId,
                        jdbc -> jdbc.sql(
                                        "UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND key_id = ? AND revoked_at IS NULL")
                                .params(Timestamp.from(clock.instant()), tenantId, keyId)
                                .update())
                == 1;
    }

    /** The holder of a key that is not revoked; its use is remembered for {@link LastUsed}. */
    Optional<Holder> authenticate(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<Holder> holder = holders.sql(
                        "SELECT key_id, tenant_id, role FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash(key))
                .query((rs, n) -> new Holder(
                        rs.getObject("key_id", UUID.class),
                        rs.getString("tenant_id"),
                        TenantRole.of(rs.getString("role"))))
                .optional();
        holder.ifPresent(found -> lastUsed.used(found.keyId(), clock.instant()));
        return holder;
    }

    /** 400 for text that is not a key's id. */
    public static UUID keyId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("keyId", "keyId must be a key's id as GET .../api-keys lists it");
        }
    }

    static byte[] hash(String key) {
        return Sha256.of(key);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
