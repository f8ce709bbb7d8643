package io.productsync.report.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageCausesTest {

    @Test
    void aRollbackThatFailsOnTheLostConnectionIsAnOutageNotABadRecord() {
        var rollback = new TransactionSystemException(
                "Could not roll back JDBC transaction", new SQLException("This connection has been closed.", "08003"));
        rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred"));

        assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
    }

    @Test
    void aConnectionExceptionSqlStateIsAnOutageAndAConstraintViolationIsNot() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("closed", "08006"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(
                        new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        var rollback = new TransactionSystemException("rollback failed");
        rollback.initApplicationException(new IllegalArgumentException("bad key"));
        assertThat(DatabaseOutage.causedBy(rollback)).isFalse();
    }
}
