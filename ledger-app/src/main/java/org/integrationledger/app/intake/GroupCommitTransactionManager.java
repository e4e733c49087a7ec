package org.integrationledger.app.intake;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's transaction manager: Spring's, joining the caller's transaction as Axon's default does, except inside a
 * {@link GroupCommit}, where each unit of work (a command, an append) gets a savepoint of the group's transaction.
 * Joining would let one refused command mark the whole group for rollback; a savepoint rolls back that command
 * alone and leaves the group's transaction usable, even after a PostgreSQL error inside it.
 */
final class GroupCommitTransactionManager implements TransactionManager {

    private final SpringTransactionManager joining;
    private final Savepoints savepoints;

    GroupCommitTransactionManager(PlatformTransactionManager transactions, Savepoints savepoints) {
        this.joining = new SpringTransactionManager(transactions);
        this.savepoints = savepoints;
    }

    @Override
    public Transaction startTransaction() {
        return GroupCommit.isActive() ? savepoints.begin() : joining.startTransaction();
    }
}
