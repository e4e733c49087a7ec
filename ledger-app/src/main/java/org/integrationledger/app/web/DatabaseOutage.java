package org.integrationledger.app.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that only says "PostgreSQL cannot be reached" from any other: the command bus, the query bus and
 * JPA each wrap it, so the whole cause chain is read.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True when some cause in the chain is a lost or refused database connection. */
    static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof CannotCreateTransactionException
                // CannotGetJdbcConnectionException is one, and so is what Spring translates SQLState class 08 to.
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return cause instanceof SQLException sql && isConnectionState(sql.getSQLState());
    }

    /**
     * SQLState class 08 (connection exception) and PostgreSQL's 57P01 admin_shutdown, 57P02 crash_shutdown and
     * 57P03 cannot_connect_now (the server is starting or stopping).
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
