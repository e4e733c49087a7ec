package org.integrationledger.query.fold;

import java.time.Instant;

/**
 * A read model as a pure function: {@code apply(state, event)} answers the next state of the one document the event
 * is about, and touches nothing else (no database, no clock, no messaging). Which event does what is decided through
 * the family's visitor, so the compiler holds every view to every event. {@link FoldHost} runs it.
 *
 * @param <E> the sealed event family it folds
 * @param <S> the immutable state of one document
 */
public interface Fold<E, S> {

    /** The family's type; the host hands the fold only events of it. */
    Class<E> events();

    /** The document an event belongs to: the key its state is kept under. */
    String key(E event);

    /** The state of a document no event has touched yet. */
    S initial(String key);

    /** The state after {@code event}, recorded in the event store at {@code recordedAt}. */
    S apply(S state, E event, Instant recordedAt);

    /**
     * The state after {@code event}, recorded as {@code recorded}; the host calls this one. A fold that keeps the
     * event's id or metadata overrides it; the others need only the instant.
     */
    default S apply(S state, E event, Recorded recorded) {
        return apply(state, event, recorded.at());
    }

    /**
     * The payload as an event of the fold, or null if the fold does not read it: by default, whether it is of
     * {@link #events()}. {@link FamilyFolds} answers for each of its families.
     */
    default E event(Object payload) {
        return events().isInstance(payload) ? events().cast(payload) : null;
    }
}
