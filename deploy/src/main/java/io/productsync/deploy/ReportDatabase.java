package io.productsync.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How sync-report-api connects to a database whose roles exist ({@code LocalRoles}): Flyway as the tables' owner, the
 * service itself as productsync_web (requests) and productsync_ingest (projections), which row-level security binds.
 */
final class ReportDatabase {

    private ReportDatabase() {}

    /** {@code url} names no user: a user in the url would win over the roles'. */
    static Map<String, Object> properties(String url, String owner, String ownerPassword, String rolePassword) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.flyway.user", owner);
        properties.put("spring.flyway.password", ownerPassword);
        properties.put("spring.datasource.username", "productsync_web");
        properties.put("spring.datasource.password", rolePassword);
        properties.put("productsync.database.ingest.username", "productsync_ingest");
        properties.put("productsync.database.ingest.password", rolePassword);
        return properties;
    }
}
