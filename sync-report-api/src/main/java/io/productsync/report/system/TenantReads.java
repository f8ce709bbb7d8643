package io.productsync.report.system;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every read of the read model on behalf of a request, a page, an export or a live stream: a transaction of the web
 * role that first names its tenant, so the row-level security policies (V10) show that tenant's rows and no other's,
 * whatever the queries inside filter on. A query run outside of one sees no rows at all.
 *
 * <p>A read of one statement ({@link #query}) costs one round trip: the set_config and the statement are sent together,
 * and PostgreSQL runs the statements of one round trip (extended protocol, up to its Sync) in one implicit transaction,
 * which the setting does not outlive. A read of several statements ({@link #read}) pays a BEGIN with the set_config and
 * a COMMIT: three round trips for one statement, where the page of 50 rows spent most of its time (issue 7, B5).
 */
@Component
public class TenantReads {

    private static final String SET_TENANT = "SELECT set_config('productsync.tenant_id', ?, true)";

    // The same, as the first statement of a one-statement read (a name no query of ours uses).
    private static final String TENANT_PARAMETER = "rowLevelSecurityTenant";
    private static final String SET_TENANT_FIRST =
            "SELECT set_config('productsync.tenant_id', :" + TENANT_PARAMETER + ", true); ";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;

    public TenantReads(DataSource web) {
        this.jdbc = JdbcClient.create(web);
        this.named = new NamedParameterJdbcTemplate(web);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(web));
    }

    /**
     * The rows of one SELECT ({@code sql} with named {@code params}) that sees only {@code tenantId}'s rows, in one
     * round trip to PostgreSQL.
     */
    public <T> List<T> query(String tenantId, String sql, Map<String, ?> params, RowMapper<T> rows) {
        MapSqlParameterSource all = new MapSqlParameterSource(params).addValue(TENANT_PARAMETER, tenantId);
        return named.execute(SET_TENANT_FIRST + sql, all, statement -> {
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("a tenant's read must be a query that returns rows: " + sql);
            }
            try (ResultSet result = statement.getResultSet()) {
                return new RowMapperResultSetExtractor<>(rows).extractData(result);
            }
        });
    }

    /** Runs {@code reads} in one transaction that sees only {@code tenantId}'s rows. */
    public <T> T read(String tenantId, Function<JdbcClient, T> reads) {
        return inTenant(tenantId, reads);
    }

    /**
     * Runs {@code changes} in one transaction that may change only {@code tenantId}'s rows, of the one table whose
     * policy lets the web role write (api_keys, V11: an admin's own keys).
     */
    public <T> T write(String tenantId, Function<JdbcClient, T> changes) {
        return inTenant(tenantId, changes);
    }

    private <T> T inTenant(String tenantId, Function<JdbcClient, T> work) {
        return transaction.execute(status -> {
            jdbc.sql(SET_TENANT).param(tenantId).query(String.class).single();
            return work.apply(jdbc);
        });
    }
}
