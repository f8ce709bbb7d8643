package io.productsync.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Real PostgreSQL binaries (from Maven Central) started by this JVM, on a data directory that survives restarts, with
 * durable settings. The JVM's owner stops it ({@link #close()}); it runs in processes of its own and would otherwise
 * outlive the JVM.
 */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Where PostgreSQL keeps its data inside the launcher's data directory. */
    static Path directory(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    static LocalPostgres start(Path dataDir, int port) {
        try {
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(directory(dataDir))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The library's hook would stop the database at once on Ctrl+C, under the services' in-flight
                    // work; the launcher stops it last (StartedParts).
                    .setRegisterShutdownHook(false)
                    // The library's defaults (-F, synchronous_commit=off) suit throwaway test databases; this one
                    // is kept, so a power cut must not corrupt it or lose a committed write. Later options win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
