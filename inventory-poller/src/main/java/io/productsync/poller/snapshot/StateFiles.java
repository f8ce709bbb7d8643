package io.productsync.poller.snapshot;

import io.productsync.events.Ids;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The poller's files per source, {@code <state-dir>/<kind>.<tenant>.<id>.<suffix>} ('.' never occurs in an id, so two
 * sources never share a file), each replaced whole through a temp file and an atomic rename, so a crash leaves the
 * old content or the new.
 */
final class StateFiles {

    private StateFiles() {}

    static Path path(Path dir, SourceId source, String suffix) {
        return dir.resolve(source.kind().token() + "." + Ids.requireId(source.tenantId(), "tenantId") + "."
                + Ids.requireId(source.id(), "id") + "." + suffix);
    }

    /** Writes one line per element, fsyncs, and renames over {@code file}. */
    static void replace(Path file, Iterable<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
                        temp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                BufferedWriter writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
            writer.flush();
            // On disk before the rename, so a power cut never leaves a renamed but empty file.
            channel.force(false);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
