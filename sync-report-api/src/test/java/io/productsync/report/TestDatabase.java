package io.productsync.report;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One real PostgreSQL per test JVM, started on first use; every caller gets its own fresh database, so test classes
 * never see each other's rows.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** A new, empty database; returns its JDBC url (user postgres, no password). */
    public static String newDatabaseUrl(String label) {
        String name = (label + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        new JdbcTemplate(Server.POSTGRES.getPostgresDatabase()).execute("CREATE DATABASE " + name);
        return Server.POSTGRES.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true";
    }

    /** A new database with this module's Flyway migrations applied. */
    public static DataSource migrated(String label) {
        DataSource dataSource = new DriverManagerDataSource(newDatabaseUrl(label), "postgres", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    private static final class Server {
        private static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is exiting; nothing left to clean up for
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
    }
}
