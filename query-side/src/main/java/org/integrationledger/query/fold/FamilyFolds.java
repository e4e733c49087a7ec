package org.integrationledger.query.fold;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One view folded from several sealed families (orders, suppliers, invoices), each by a fold of its own over the same
 * state type, so each family's visitor still holds its fold to every event. The families' keys must not overlap
 * (each fold names its document type in its keys). The host hands this fold any payload; it reads those of its
 * families and leaves the others.
 *
 * @param <S> the state of one document, whichever family it is folded from
 */
public final class FamilyFolds<S> implements Fold<Object, S> {

    private final Function<String, S> initial;
    private final List<Fold<?, S>> families;

    private FamilyFolds(Function<String, S> initial, List<Fold<?, S>> families) {
        this.initial = initial;
        this.families = List.copyOf(families);
    }

    /** @param initial the state of a document no event has touched yet, by key (whichever family the key is of) */
    @SafeVarargs
    public static <S> FamilyFolds<S> of(Function<String, S> initial, Fold<?, S>... families) {
        return new FamilyFolds<>(initial, List.of(families));
    }

    @Override
    public Class<Object> events() {
        return Object.class;
    }

    @Override
    public Object event(Object payload) {
        return familyOf(payload) == null ? null : payload;
    }

    @Override
    public String key(Object event) {
        return key(family(event), event);
    }

    @Override
    public S initial(String key) {
        return initial.apply(key);
    }

    @Override
    public S apply(S state, Object event, Instant recordedAt) {
        return apply(state, event, Recorded.at(recordedAt));
    }

    @Override
    public S apply(S state, Object event, Recorded recorded) {
        return apply(family(event), state, event, recorded);
    }

    private Fold<?, S> familyOf(Object payload) {
        for (Fold<?, S> family : families) {
            if (family.event(payload) != null) {
                return family;
            }
        }
        return null;
    }

    private Fold<?, S> family(Object event) {
        Fold<?, S> family = familyOf(event);
        if (family == null) {
            throw new IllegalArgumentException("no family of this view reads " + event.getClass().getSimpleName());
        }
        return family;
    }

    private static <E, S> String key(Fold<E, S> family, Object event) {
        return family.key(family.event(event));
    }

    private static <E, S> S apply(Fold<E, S> family, S state, Object event, Recorded recorded) {
        return family.apply(state, family.event(event), recorded);
    }
}
