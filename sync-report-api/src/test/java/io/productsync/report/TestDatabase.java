package io.productsync.report;

import io.productsync.report.system.LocalRoles;
import io.productsync.report.system.TenantReads;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One real PostgreSQL per test JVM, started on first use, with the application's roles (productsync_web,
 * productsync_ingest) created as the local run creates them; every caller gets its own fresh database, so test classes
 * never see each other's rows. Migrations and fixtures run as the superuser postgres; the code under test connects as
 * the roles, so row-level security applies to it as in production.
 */
public final class TestDatabase {

    private TestDatabase() {}

    /** A new, empty database; returns its name. */
    public static String newDatabase(String label) {
        String name = (label + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        admin().execute("CREATE DATABASE " + name);
        return name;
    }

    /** The JDBC url of a database, without a user: each connection names its own (postgres or a role, no password). */
    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + Server.POSTGRES.getPort() + "/" + database
                + "?reWriteBatchedInserts=true";
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

    /** A new database with this module's Flyway migrations applied; connects as the superuser, for fixtures. */
    /**
     * A connected cart {@code shop} of each tenant, fed by WMS {@code main}, as the cart-connections projection writes
     * it; written as the superuser, as fixtures are.
     */
    public static void connectShops(JdbcTemplate superuser, String... tenants) {
        for (String tenant : tenants) {
            superuser.update("""
                    INSERT INTO carts (tenant_id, cart_id, wms_id, cart_sync_enabled, wms_sync_enabled, poll_interval,
                        configured_at)
                    VALUES (?, 'shop', 'main', true, true, interval '10 seconds', now())
                    """, tenant);
        }
    }

    public static DataSource migrated(String label) {
        DataSource dataSource = new DriverManagerDataSource(newDatabaseUrl(label), "postgres", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** The same database as the web role (reads of one tenant per transaction). */
    public static DataSource web(DataSource database) {
        return as("productsync_web", database);
    }

    /** The same database as the ingest role (the projections' writes); one instance per database, so its transactions bind. */
    public static DataSource ingest(DataSource database) {
        return as("productsync_ingest", database);
    }

    /** Reads as the web role, as the API's read models do. */
    public static TenantReads reads(DataSource database) {
        return new TenantReads(web(database));
    }

    /** The service's arguments that connect it as the roles, with Flyway as the superuser. */
    public static List<String> roleArguments() {
        return List.of(
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=",
                "--spring.datasource.username=productsync_web",
                "--spring.datasource.password=",
                "--productsync.database.ingest.username=productsync_ingest",
                "--productsync.database.ingest.password=");
    }

    private static DataSource as(String role, DataSource database) {
        String url = ((DriverManagerDataSource) database).getUrl();
        return Server.AS_ROLE.computeIfAbsent(role + " " + url, key -> new DriverManagerDataSource(url, role, ""));
    }

    private static final class Server {
        private static final EmbeddedPostgres POSTGRES = start();
        private static final Map<String, DataSource> AS_ROLE = new ConcurrentHashMap<>();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                new JdbcTemplate(postgres.getPostgresDatabase()).execute(LocalRoles.sql());
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
