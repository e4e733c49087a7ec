package org.integrationledger.app.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs several connector messages in one database transaction, so they share its commit (and the token updates
 * and projection batches that follow a commit). While it runs, each command's unit of work takes a savepoint
 * instead of joining the transaction ({@link GroupCommitTransactionManager}): a refused command rolls back to its
 * savepoint with nothing written, exactly as its own transaction would have, and the others stay.
 */
final class GroupCommit {

    /** Transactions a group committed, and the messages in them ({@code ledger.intake.group.*}). */
    static final String COMMITS = "ledger.intake.group.commits";
    static final String MESSAGES = "ledger.intake.group.messages";
    static final String FALLBACKS = "ledger.intake.group.fallbacks";

    private static final Object ACTIVE = GroupCommit.class;

    private final TransactionTemplate transactions;
    private final Counter commits;
    private final Counter messages;
    private final Counter fallbacks;

    GroupCommit(PlatformTransactionManager transactions, MeterRegistry meters) {
        this.transactions = new TransactionTemplate(transactions);
        this.commits = Counter.builder(COMMITS).description("Transactions that recorded a group of connector messages")
                .register(meters);
        this.messages = Counter.builder(MESSAGES).description("Connector messages recorded in a group's transaction")
                .register(meters);
        this.fallbacks = Counter.builder(FALLBACKS)
                .description("Groups rolled back by an unexpected failure and recorded one message at a time")
                .register(meters);
    }

    /** Whether this thread runs inside a group's transaction (commands then take savepoints). */
    static boolean isActive() {
        return TransactionSynchronizationManager.hasResource(ACTIVE);
    }

    /**
     * Runs the work in one new transaction, committed when it returns and rolled back when it throws; answers what
     * the work answered, one element per message it recorded.
     */
    <T> List<T> inOneTransaction(Supplier<List<T>> work) {
        List<T> result = transactions.execute(status -> {
            TransactionSynchronizationManager.bindResource(ACTIVE, Boolean.TRUE);
            try {
                return work.get();
            } finally {
                TransactionSynchronizationManager.unbindResource(ACTIVE);
            }
        });
        commits.increment();
        messages.increment(result.size());
        return result;
    }

    void countFallback() {
        fallbacks.increment();
    }
}
