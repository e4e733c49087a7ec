package org.integrationledger.query.fold;

import org.axonframework.eventhandling.EventMessage;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fold run in memory over events fed in the event store's order: the state as it was known at a past instant.
 * It writes nothing and sends nothing, and it applies the very rules the live projection applies.
 */
public final class Replay<E, S extends Serializable> {

    private final Fold<E, S> fold;
    private final Map<String, S> states = new LinkedHashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private long eventsApplied;

    Replay(Fold<E, S> fold) {
        this.fold = fold;
    }

    /** Applies the event if it is of the fold's family; events must arrive in the event store's order. */
    public void apply(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (!fold.folds(payload)) {
            return;
        }
        E event = fold.events().cast(payload);
        Envelope envelope = Envelope.of(message);
        String key = FoldHost.keyOf(fold, event, envelope, links::get);
        if (key == null) {
            return;
        }
        S state = states.get(key);
        states.put(key, fold.apply(state == null ? fold.initial(key) : state, event, envelope));
        String via = fold.link(event);
        if (via != null) {
            links.putIfAbsent(via, key);
        }
        eventsApplied++;
    }

    public Optional<S> find(String key) {
        return Optional.ofNullable(states.get(key));
    }

    /** Every state so far, in no particular order. */
    public Stream<S> all() {
        return states.values().stream();
    }

    public long eventsApplied() {
        return eventsApplied;
    }
}
