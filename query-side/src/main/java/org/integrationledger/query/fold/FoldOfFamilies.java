package org.integrationledger.query.fold;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One view folded from several sealed families (the trace reads orders, invoices and suppliers): each family's events
 * go to that family's own fold, which dispatches them through its visitor, so the compiler still holds the view to
 * every event of each family. The families share the view's keys and its state type; which family an event is of is
 * the one runtime test, the same one the host makes for a fold of one family.
 *
 * @param <S> the view's state of one key
 */
public final class FoldOfFamilies<S> implements Fold<Object, S> {

    private final Function<String, S> initial;
    private final List<Fold<?, S>> families;

    /**
     * @param initial  the state of a key no event has touched yet
     * @param families one fold per family, none sharing an event type
     */
    public FoldOfFamilies(Function<String, S> initial, List<Fold<?, S>> families) {
        this.initial = initial;
        this.families = List.copyOf(families);
    }

    @Override
    public Class<Object> events() {
        return Object.class;
    }

    @Override
    public boolean folds(Object payload) {
        Fold<Object, S> family = familyOf(payload);
        return family != null && family.folds(payload);
    }

    @Override
    public String key(Object event) {
        return family(event).key(event);
    }

    @Override
    public String key(Object event, Envelope envelope) {
        return family(event).key(event, envelope);
    }

    @Override
    public String keyVia(Object event) {
        return family(event).keyVia(event);
    }

    @Override
    public String link(Object event) {
        return family(event).link(event);
    }

    @Override
    public S initial(String key) {
        return initial.apply(key);
    }

    @Override
    public S apply(S state, Object event, Instant recordedAt) {
        return family(event).apply(state, event, recordedAt);
    }

    @Override
    public S apply(S state, Object event, Envelope envelope) {
        return family(event).apply(state, event, envelope);
    }

    private Fold<Object, S> family(Object event) {
        Fold<Object, S> family = familyOf(event);
        if (family == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is of none of this view's families");
        }
        return family;
    }

    @SuppressWarnings("unchecked")
    private Fold<Object, S> familyOf(Object event) {
        for (Fold<?, S> family : families) {
            if (family.events().isInstance(event)) {
                // Checked just above: the family's fold takes this event.
                return (Fold<Object, S>) family;
            }
        }
        return null;
    }
}
