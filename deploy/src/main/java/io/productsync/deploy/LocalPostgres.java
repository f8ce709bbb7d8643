package io.productsync.deploy;

import io.productsync.report.system.LocalRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

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
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
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
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
        LocalPostgres started = new LocalPostgres(postgres);
        started.createRoles();
        return started;
    }

    /** The roles sync-report-api connects as (kept in the data directory: created once, found again on restarts). */
    private void createRoles() {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement statement = db.createStatement()) {
            statement.execute(LocalRoles.sql());
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot create sync-report-api's database roles", e);
        }
    }

    /** The database, without a user (connect as postgres, no password, or as one of the roles). */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** sync-report-api's connection: Flyway as postgres, which owns the tables; the service as its roles. */
    Map<String, Object> reportProperties() {
        return ReportDatabase.properties(jdbcUrl(), "postgres", "", "");
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
