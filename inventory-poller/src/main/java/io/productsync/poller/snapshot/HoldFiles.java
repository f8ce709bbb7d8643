package io.productsync.poller.snapshot;

import io.productsync.events.HoldReason;
import io.productsync.poller.system.PollerSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A source's hold ({@code <kind>.<tenant>.<id>.hold}) and the last confirmation received for it ({@code .confirmed}),
 * beside its live keys, so a restart neither forgets a hold nor applies one: the count of held snapshots goes on where
 * it was. A file that cannot be read counts as no hold, which is the safe side: the next removal starts a new hold.
 */
@Component
final class HoldFiles {

    private static final Logger log = LoggerFactory.getLogger(HoldFiles.class);

    private final Path dir;

    @Autowired
    HoldFiles(PollerSettings settings) {
        this(settings.poller().stateDir());
    }

    HoldFiles(Path dir) {
        this.dir = dir;
    }

    Path holdFile(SourceId source) {
        return StateFiles.path(dir, source, "hold");
    }

    Optional<Hold> hold(SourceId source) {
        Path file = holdFile(source);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            return Optional.of(new Hold(
                    HoldReason.valueOf(p.getProperty("reason")),
                    Instant.parse(p.getProperty("held-since")),
                    Integer.parseInt(p.getProperty("held-cycles")),
                    p.getProperty("removal"),
                    Long.parseLong(p.getProperty("live-skus")),
                    Long.parseLong(p.getProperty("missing-skus")),
                    Instant.parse(p.getProperty("observed-at"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("{}: hold file {} is unreadable ({}); counted as no hold", source, file, e.toString());
            return Optional.empty();
        }
    }

    /** Saves the hold, or deletes its file for none; a failure is logged, and the hold lives on in memory. */
    void save(SourceId source, Hold hold) {
        Path file = holdFile(source);
        try {
            if (hold == null) {
                Files.deleteIfExists(file);
                return;
            }
            StateFiles.replace(
                    file,
                    List.of(
                            "reason=" + hold.reason(),
                            "held-since=" + hold.heldSince(),
                            "held-cycles=" + hold.heldCycles(),
                            "removal=" + hold.removal(),
                            "live-skus=" + hold.liveSkus(),
                            "missing-skus=" + hold.missingSkus(),
                            "observed-at=" + hold.observedAt()));
        } catch (IOException | UncheckedIOException e) {
            log.warn("{}: could not save its hold to {}: {}", source, file, e.toString());
        }
    }

    Optional<Instant> confirmed(SourceId source) {
        Path file = StateFiles.path(dir, source, "confirmed");
        try {
            return Optional.of(
                    Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("{}: confirmation file {} is unreadable ({}); counted as none", source, file, e.toString());
            return Optional.empty();
        }
    }

    /** Saves the heldSince a user confirmed, or deletes the file for none. */
    void saveConfirmed(SourceId source, Instant heldSince) {
        Path file = StateFiles.path(dir, source, "confirmed");
        try {
            if (heldSince == null) {
                Files.deleteIfExists(file);
            } else {
                StateFiles.replace(file, List.of(heldSince.toString()));
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("{}: could not save its confirmation to {}: {}", source, file, e.toString());
        }
    }
}
