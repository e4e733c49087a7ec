package org.integrationledger.app.deadletter;

import org.axonframework.messaging.deadletter.ThrowableCause;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a parked letter says about its failure: the failure's class, and the database's own words when the database
 * refused. Spring's message starts with the whole SQL statement, so within the 1,023 characters a letter keeps, the
 * reason ("numeric field overflow") was often cut off.
 */
public final class ParkingCause {

    private ParkingCause() {
    }

    static ThrowableCause of(Throwable failure) {
        String message = databaseMessage(failure);
        String text = message != null ? message : String.valueOf(failure.getMessage());
        return new ThrowableCause(failure.getClass().getName(),
                text.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE
                        ? text.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE) : text);
    }

    /** "SQLState 22003: ERROR: numeric field overflow …" of the innermost SQL error, or null. */
    private static String databaseMessage(Throwable failure) {
        SQLException innermost = null;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                innermost = sql;
            }
        }
        if (innermost == null) {
            return null;
        }
        // A JDBC batch reports "Batch entry 0 <statement> was aborted"; the reason is its next exception.
        SQLException reason = innermost.getNextException() != null ? innermost.getNextException() : innermost;
        return "SQLState " + reason.getSQLState() + ": " + reason.getMessage();
    }

    public static String text(Throwable failure) {
        ThrowableCause cause = of(failure);
        return cause.type() + ": " + cause.message();
    }
}
