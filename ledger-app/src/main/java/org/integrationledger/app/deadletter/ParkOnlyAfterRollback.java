package org.integrationledger.app.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The dead-letter queue's enqueue policy. Axon's default parks a failing event inside the transaction that just
 * failed: on PostgreSQL that transaction is aborted after any SQL error, and whatever the handlers changed before
 * the exception (an entity half applied, rows queued for the commit) would be committed with the letter. So a
 * handler's failure is thrown on instead; the batch rolls back whole and {@link FailedBatchIsolation} redoes it
 * one event per transaction, parking a failing event in a transaction of its own. A parked event has therefore
 * left nothing behind in the view.
 * <p>
 * A retry of parked letters ({@code DeadLetteringEventHandlerInvoker#process}) asks the same policy: there the
 * letter stays parked (requeued with the new cause), and the cause is kept for the operator's answer.
 */
public final class ParkOnlyAfterRollback implements EnqueuePolicy<EventMessage<?>> {

    /** Unit-of-work resource holding why a retried letter failed again. */
    public static final String RETRY_FAILURE = ParkOnlyAfterRollback.class.getName() + ".retryFailure";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isRetry(letter)) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources().put(RETRY_FAILURE, cause));
            return Decisions.requeue(ParkingCause.of(cause));
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new HandlerFailed(cause);
    }

    private static boolean isRetry(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?>
                || CurrentUnitOfWork.map(unitOfWork -> unitOfWork.resources().containsKey(DeadLetter.class.getName()))
                .orElse(false);
    }

    /** A checked exception of a handler, carried unchanged through the invoker. */
    static final class HandlerFailed extends RuntimeException {

        HandlerFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The handler's own failure, without the wrapper that carried a checked exception. */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof HandlerFailed && failure.getCause() != null ? failure.getCause() : failure;
    }
}
