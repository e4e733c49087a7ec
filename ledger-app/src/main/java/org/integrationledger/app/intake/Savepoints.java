package org.integrationledger.app.intake;

import org.axonframework.common.transaction.Transaction;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * Savepoints of the current transaction, on its JDBC connection. Spring's nested transactions would be the usual
 * way, but its JPA transaction manager (the ledger's) supports them only where the JPA provider's dialect exposes
 * savepoints, and Hibernate's does not. The command side writes through JDBC alone, so a savepoint of the
 * connection rolls back everything a command wrote; no JPA entity is written on that path.
 */
final class Savepoints {

    private final DataSource dataSource;

    Savepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sets a savepoint: its commit releases it, its rollback returns the transaction to it. */
    Transaction begin() {
        if (TransactionSynchronizationManager.getResource(dataSource) == null) {
            throw new CannotCreateTransactionException("a savepoint needs the transaction's JDBC connection bound");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new CannotCreateTransactionException("could not set a savepoint", e);
        }
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException e) {
                    throw new TransactionSystemException("could not release a savepoint", e);
                }
            }

            @Override
            public void rollback() {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException e) {
                    throw new TransactionSystemException("could not roll back to a savepoint", e);
                }
            }
        };
    }

    /** Runs the work in a savepoint: released when it returns, rolled back to when it throws. */
    <T> T inSavepoint(Supplier<T> work) {
        Transaction savepoint = begin();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            try {
                savepoint.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        savepoint.commit();
        return result;
    }
}
