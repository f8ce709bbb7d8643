package io.productsync.report.system;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the application would connect as a role that row-level security does not bind: a superuser,
 * a role with BYPASSRLS, or the tables' owner (or a member of its role), which FORCE binds to no rows at all. Runs
 * once the migrations are applied and before any listener starts.
 */
@Component
class DatabaseRoleCheck implements SmartInitializingSingleton {

    private static final String UNBOUND = """
            SELECT current_user AS role
            FROM pg_roles r
            WHERE r.rolname = current_user
              AND (r.rolsuper OR r.rolbypassrls
                   OR EXISTS (SELECT FROM pg_class c
                              WHERE c.oid = to_regclass('product_sync') AND pg_has_role(c.relowner, 'USAGE')))
            """;

    private final List<Role> roles;

    DatabaseRoleCheck(DataSource web, @Ingest DataSource ingest) {
        this.roles =
                List.of(new Role("spring.datasource.username", web), new Role("productsync.database.ingest", ingest));
    }

    private record Role(String setting, DataSource dataSource) {}

    @Override
    public void afterSingletonsInstantiated() {
        for (Role role : roles) {
            JdbcClient.create(role.dataSource())
                    .sql(UNBOUND)
                    .query(String.class)
                    .optional()
                    .ifPresent(name -> {
                        throw new IllegalStateException("the database role '" + name + "' (" + role.setting()
                                + ") is a superuser, has BYPASSRLS or owns the tables, so row-level security would not"
                                + " keep tenants apart: connect as productsync_web and productsync_ingest (sync-report-api"
                                + " README, \"Database roles\")");
                    });
        }
    }
}
