package io.productsync.poller.snapshot;

import io.productsync.events.Ids;
import io.productsync.poller.system.PollerSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The live keys files of the versions before the {@link LiveKeyStore}, read once so an upgrade forgets no key, and the
 * unsaved marker of each source. A keys file is {@code <state-dir>/<kind>.<tenant>.<id>.keys}: one line per key,
 * {@code <key>TAB<fingerprint, 16 hex digits>}, or the key alone when its fingerprint is unknown (a file written before
 * fingerprints existed has only such lines). A SKU has no control character, so the tab is unambiguous. While
 * {@code <kind>.<tenant>.<id>.unsaved} exists ({@link UnsavedPublications}) something was published that the live keys
 * may not hold yet, so their fingerprints are not trusted.
 */
@Component
final class LiveKeyFiles {

    private static final Logger log = LoggerFactory.getLogger(LiveKeyFiles.class);
    private static final char FINGERPRINT = '\t';

    private final Path dir;

    @Autowired
    LiveKeyFiles(PollerSettings settings) {
        this(settings.poller().stateDir());
    }

    LiveKeyFiles(Path dir) {
        this.dir = dir;
    }

    Path file(SourceId source) {
        return StateFiles.path(dir, source, "keys");
    }

    Path unsavedMarker(SourceId source) {
        return StateFiles.path(dir, source, "unsaved");
    }

    /**
     * The saved keys and their fingerprints, read line by line; no keys when there is no file; empty (and a warning)
     * when the file cannot be read whole. Every fingerprint reads as unknown while the unsaved marker exists.
     */
    Optional<KeyFingerprints> load(SourceId source) {
        Path file = file(source);
        String prefix = source.keyPrefix();
        KeyFingerprints keys = new KeyFingerprints(source);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean trusted = !Files.exists(unsavedMarker(source));
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                int tab = line.indexOf(FINGERPRINT);
                String key = tab < 0 ? line : line.substring(0, tab);
                if (!key.startsWith(prefix)) {
                    throw new IOException("line " + lineNumber + " is not a key of " + source);
                }
                Ids.requireSku(key.substring(prefix.length()), "line " + lineNumber);
                boolean withFingerprint = tab >= 0;
                long fingerprint = withFingerprint ? fingerprint(line.substring(tab + 1), lineNumber) : 0;
                if (trusted && withFingerprint) {
                    keys.put(key, fingerprint);
                } else {
                    keys.putUnknown(key);
                }
            }
            return Optional.of(keys);
        } catch (NoSuchFileException e) {
            return Optional.of(keys);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            log.warn(
                    "{}: live keys file {} is unreadable ({}); this first snapshot removes nothing",
                    source,
                    file,
                    e.toString());
            return Optional.empty();
        }
    }

    private static long fingerprint(String hex, long lineNumber) {
        if (hex.length() != 16) {
            throw new IllegalArgumentException(
                    "line " + lineNumber + ": fingerprint '" + hex + "' is not 16 hex digits");
        }
        return Long.parseUnsignedLong(hex, 16);
    }
}
