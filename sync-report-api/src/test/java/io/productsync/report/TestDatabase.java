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

    private TestDatabase() {}

    /** A new, empty database; returns its name. */
    public static String newDatabase(String label) {
        String name = (label + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        admin().execute("CREATE DATABASE " + name);
        return name;
    }

    /** The JDBC url of a database (user postgres, no password). */
    public static String url(String database) {
        return Server.POSTGRES.getJdbcUrl("postgres", database) + "&reWriteBatchedInserts=true";
    }

    public static String newDatabaseUrl(String label) {
        return url(newDatabase(label));
    }

    /** Takes a database away (dropping its open connections) or gives it back, as an outage would. */
    public static void allowConnections(String database, boolean allowed) {
        admin().execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
        if (!allowed) {
            admin().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", database);
        }
    }

    private static JdbcTemplate admin() {
        return new JdbcTemplate(Server.POSTGRES.getPostgresDatabase());
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
