package io.productsync.report.syncstatus;

import io.productsync.events.SkuSyncEvaluated;
import io.productsync.report.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes results through the real writer, for tests in other packages that need rows. */
public final class SyncRows {

    private SyncRows() {}

    public static void write(DataSource dataSource, List<SkuSyncEvaluated> results) {
        new SyncResultWriter(
                        new JdbcTemplate(TestDatabase.ingest(dataSource)),
                        new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.ingest(dataSource))))
                .write(results.stream().map(Results::change).toList());
    }
}
