package io.productsync.report.system;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/** One JDBC batch per call (the driver rewrites it into multi-row statements); nothing at all for no rows. */
public final class Batches {

    private Batches() {}

    public static <T> void execute(
            JdbcTemplate jdbc, String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> bind) {
        // batchUpdate divides by the batch size, so an empty list must not reach it
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, rows.size(), bind);
        }
    }
}
