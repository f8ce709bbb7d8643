package io.productsync.report.system;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Failures that say the database is unreachable or busy, not that the records are bad. */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || connectionLost(t)) {
                return true;
            }
            // A rollback that fails on the lost connection hides the failure that caused the rollback.
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 is the standard's "connection exception" (PostgreSQL: 08003, 08006, ...). */
    private static boolean connectionLost(Throwable t) {
        return t instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08");
    }
}
