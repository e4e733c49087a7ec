package org.integrationledger.app.deadletter;

import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a failure says something about the event (park it) or about the moment (retry the batch). Parking an
 * event because the database was briefly away would hide a healthy document from its view until someone retries
 * it by hand, so anything that may succeed on its own later is retried with the processor's back-off instead.
 */
final class Transience {

    /**
     * SQLState classes and codes that describe the connection or the moment, not the data: 08 connection, 40
     * serialization failure and deadlock, 53 insufficient resources, 57 operator intervention (shutdown, statement
     * cancelled), 55P03 lock not available, 58 system error.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private Transience() {
    }

    static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof UnableToClaimTokenException) {
                return true;
            }
            if (t instanceof SQLException sql && transientSqlState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientSqlState(SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state == null || state.length() < 2) {
                continue;
            }
            if (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || LOCK_NOT_AVAILABLE.equals(state)) {
                return true;
            }
            if (e.getNextException() == e) {
                break;
            }
        }
        return false;
    }
}
