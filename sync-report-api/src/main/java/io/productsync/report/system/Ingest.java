package io.productsync.report.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the database access of the {@code productsync_ingest} role, which sees every tenant: the Kafka projections
 * that write the read model, and the few lookups that come before a request's tenant is known (an API key by its hash
 * and the batched last-used times, the operator's password hash, the list of tenant ids). A tenant's rows are never
 * served to a request through it; an unmarked JdbcClient or JdbcTemplate is the web role's.
 */
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface Ingest {}
