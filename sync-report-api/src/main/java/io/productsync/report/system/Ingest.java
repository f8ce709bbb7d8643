package io.productsync.report.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the database access of the Kafka projections: the {@code productsync_ingest} role, which writes the read model
 * for every tenant. Never used by a request; an unmarked JdbcClient or JdbcTemplate is the web role's.
 */
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface Ingest {}
