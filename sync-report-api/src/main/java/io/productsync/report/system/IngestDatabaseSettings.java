package io.productsync.report.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The role the Kafka projections connect as (same database, url and pool settings as {@code spring.datasource}, which
 * is the web role).
 */
@ConfigurationProperties("productsync.database.ingest")
record IngestDatabaseSettings(
        @DefaultValue("productsync_ingest") String username,
        @DefaultValue("") String password) {

    @Override
    public String toString() {
        return "IngestDatabaseSettings[username=" + username + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
