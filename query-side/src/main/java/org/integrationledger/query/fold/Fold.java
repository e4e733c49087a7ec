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
     * Whether the host hands {@code payload} to this fold: by default, when it is of the family {@link #events()}
     * names; a fold of several families ({@link FoldOfFamilies}) says which.
     */
    default boolean folds(Object payload) {
        return events().isInstance(payload);
    }

    /**
     * The key of an event, given what the store recorded around it; the host calls this one. By default
     * {@link #key(Object)}: a document's events share its key. A view with a row per event (the trace) keys by the
     * event's id instead.
     */
    default String key(E event, Envelope envelope) {
        return key(event);
    }

    /**
     * The key of another document through which the event names its own, or null (the default) when
     * {@link #key(Object, Envelope)} names it: an invoice's posting names only the invoice, and the accrual view folds
     * it into the order the invoice's receipt named. The host folds the event into the key an earlier event linked
     * this one to ({@link #link}), and skips the event if none did.
     */
    default String keyVia(E event) {
        return null;
    }

    /**
     * The key this event links to its own document, or null (the default): later events whose {@link #keyVia} names
     * it fold into this event's key. The first link of a key stands.
     */
    default String link(E event) {
        return null;
    }

    /**
     * The state after {@code event}, given what the store recorded around it; the host calls this one. By default
     * {@link #apply(Object, Object, Instant)} with the recorded time, all a document's view reads of it.
     */
    default S apply(S state, E event, Envelope envelope) {
        return apply(state, event, envelope.recordedAt());
    }
}
