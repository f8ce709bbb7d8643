package io.productsync.report.system;

import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every read of the read model on behalf of a request, a page, an export or a live stream: a transaction of the web
 * role that first names its tenant, so the row-level security policies (V10) show that tenant's rows and no other's,
 * whatever the queries inside filter on. A query run outside of one sees no rows at all.
 */
@Component
public class TenantReads {

    private static final String SET_TENANT = "SELECT set_config('productsync.tenant_id', ?, true)";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public TenantReads(DataSource web) {
        this.jdbc = JdbcClient.create(web);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(web));
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
