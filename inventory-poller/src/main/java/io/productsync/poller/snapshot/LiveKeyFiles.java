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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The live keys of each source on local disk, one key per line in {@code <state-dir>/<kind>.<tenant>.<id>.keys},
 * replaced whole ({@link StateFiles}); an empty set is no file.
 */
@Component
final class LiveKeyFiles {

    private static final Logger log = LoggerFactory.getLogger(LiveKeyFiles.class);

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

    /** The saved keys; none when there is no file; empty (and a warning) when the file cannot be read whole. */
    Optional<Set<String>> load(SourceId source) {
        Path file = file(source);
        String prefix = source.tenantId() + "/" + source.id() + "/";
        Set<String> keys = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.startsWith(prefix)) {
                    throw new IOException("line " + lineNumber + " is not a key of " + source);
                }
                Ids.requireSku(line.substring(prefix.length()), "line " + lineNumber);
                keys.add(line);
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

    /** Replaces the saved keys, or deletes the file for an empty set; false (and a warning) when that failed. */
    boolean save(SourceId source, Set<String> keys) {
        Path file = file(source);
        try {
            if (keys.isEmpty()) {
                Files.deleteIfExists(file);
                return true;
            }
            StateFiles.replace(file, keys);
            return true;
        } catch (IOException | UncheckedIOException e) {
            log.warn(
                    "{}: could not save its live keys to {}, retried after the next snapshot: {}",
                    source,
                    file,
                    e.toString());
            return false;
        }
    }
}
