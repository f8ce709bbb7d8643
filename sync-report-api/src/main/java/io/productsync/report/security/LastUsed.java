package io.productsync.report.security;

import io.productsync.report.system.Ingest;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.core.log.LogAccessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When each API key was last used, kept in memory and written in one batch every
 * {@code productsync.security.last-used-flush} (and on shutdown): a request never waits for a write, and a busy key
 * costs one row update per interval, not one per request. Listing keys shows the newer of memory and table.
 */
@Component
class LastUsed {

    private static final LogAccessor LOG = new LogAccessor(LastUsed.class);

    private final JdbcTemplate jdbc;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "api-key-last-used");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code jdbc}: the ingest role, which writes any tenant's keys' times in one batch. */
    LastUsed(@Ingest JdbcTemplate jdbc, SecuritySettings settings) {
        this.jdbc = jdbc;
        long every = settings.lastUsedFlush().toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void used(UUID keyId, Instant at) {
        pending.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    Instant latest(UUID keyId, Instant stored) {
        Instant inMemory = pending.get(keyId);
        return inMemory == null || (stored != null && stored.isAfter(inMemory)) ? stored : inMemory;
    }

    /** Writes what was used since the last flush in one batch; if that fails, it is kept for the next flush. */
    void flush() {
        Map<UUID, Instant> batch = new HashMap<>();
        for (UUID keyId : List.copyOf(pending.keySet())) {
            Instant at = pending.remove(keyId);
            if (at != null) {
                batch.put(keyId, at);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        batch.forEach((keyId, at) -> rows.add(new Object[] {Timestamp.from(at), keyId}));
        try {
            jdbc.batchUpdate("UPDATE api_keys SET last_used_at = greatest(last_used_at, ?) WHERE key_id = ?", rows);
        } catch (RuntimeException e) {
            batch.forEach(this::used);
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn(e, "could not write when API keys were last used; retried at the next flush");
        }
    }

    @PreDestroy
    void close() {
        flusher.shutdownNow();
        flushQuietly();
    }
}
