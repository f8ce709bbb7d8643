package io.productsync.report.web;

import io.productsync.report.alias.AliasCsvLine;
import io.productsync.report.alias.ImportReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Uploaded alias files between their preview and the user's confirmation, in this instance's memory: at most
 * {@value #MAX_PENDING} at once (a new one pushes out the oldest), each kept {@link #KEPT}, its lines already parsed
 * and bounded by the file limits. A token names one; it is a random UUID and is honoured only for its tenant.
 */
@Component
class PendingImports {

    static final int MAX_PENDING = 20;
    static final Duration KEPT = Duration.ofMinutes(15);

    /** An upload; {@code result} is set once it has been applied, so a second confirmation applies nothing. */
    record Pending(
            UUID token,
            String tenantId,
            String fileName,
            List<AliasCsvLine> lines,
            Instant expiresAt,
            boolean applying,
            ImportReport result) {}

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingImports(Clock clock) {
        this.clock = clock;
    }

    synchronized Pending add(String tenantId, String fileName, List<AliasCsvLine> lines) {
        Instant now = clock.instant();
        pending.values().removeIf(upload -> upload.expiresAt().isBefore(now));
        while (pending.size() >= MAX_PENDING) {
            pending.values().stream()
                    .min(Comparator.comparing(Pending::expiresAt))
                    .ifPresent(oldest -> pending.remove(oldest.token()));
        }
        Pending upload = new Pending(UUID.randomUUID(), tenantId, fileName, lines, now.plus(KEPT), false, null);
        pending.put(upload.token(), upload);
        return upload;
    }

    Optional<Pending> find(String tenantId, UUID token) {
        return Optional.ofNullable(pending.get(token))
                .filter(upload -> upload.tenantId().equals(tenantId))
                .filter(upload -> !upload.expiresAt().isBefore(clock.instant()));
    }

    /** True for the one caller that may apply this upload; false when another already applies or applied it. */
    boolean startApplying(Pending upload) {
        return !upload.applying()
                && pending.replace(
                        upload.token(),
                        upload,
                        new Pending(
                                upload.token(),
                                upload.tenantId(),
                                upload.fileName(),
                                upload.lines(),
                                upload.expiresAt(),
                                true,
                                null));
    }

    void applied(Pending upload, ImportReport result) {
        pending.put(
                upload.token(),
                new Pending(
                        upload.token(),
                        upload.tenantId(),
                        upload.fileName(),
                        upload.lines(),
                        upload.expiresAt(),
                        true,
                        result));
    }

    /** Lets another attempt apply it (this one failed, e.g. Kafka did not acknowledge). */
    void failed(Pending upload) {
        pending.put(upload.token(), upload);
    }
}
