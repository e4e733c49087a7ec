package org.integrationledger.query.fold;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Given events, then state: a fold run the way its host runs it (one state per document, each event it folds applied
 * to the state its key, or the key it is linked through, names), with no database. Each event is recorded a minute after the one before, from
 * {@link #FIRST_RECORDED}, unless the test names the recorded time, under the id {@code event-<n>} (n from 1).
 */
public final class FoldFixture<E, S> {

    public static final Instant FIRST_RECORDED = Instant.parse("2026-11-23T10:00:00Z");

    private final Fold<E, S> fold;
    private final Map<String, S> states = new LinkedHashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private Instant nextRecorded = FIRST_RECORDED;
    private int events;

    private FoldFixture(Fold<E, S> fold) {
        this.fold = fold;
    }

    public static <E, S> FoldFixture<E, S> of(Fold<E, S> fold) {
        return new FoldFixture<>(fold);
    }

    @SafeVarargs
    public final FoldFixture<E, S> given(E... events) {
        for (E event : events) {
            recordedAt(nextRecorded, event);
        }
        return this;
    }

    /** Applies one event recorded at {@code recorded}; later events are recorded after it. */
    public FoldFixture<E, S> recordedAt(Instant recorded, E event) {
        return recordedAs(new Envelope("event-" + (++events), 0, null, recorded, Map.of()), event);
    }

    /** Applies one event recorded as {@code recorded} (its id, instant and metadata); later ones are recorded after it. */
    public FoldFixture<E, S> recordedAs(Envelope recorded, E event) {
        nextRecorded = recorded.recordedAt().plus(Duration.ofMinutes(1));
        if (!fold.folds(event)) {
            return this;
        }
        String key = FoldHost.keyOf(fold, event, recorded, links::get);
        if (key == null) {
            return this;
        }
        S state = states.get(key);
        states.put(key, fold.apply(state == null ? fold.initial(key) : state, event, recorded));
        String via = fold.link(event);
        if (via != null) {
            links.putIfAbsent(via, key);
        }
        return this;
    }

    /** Whether an event touched this document. */
    public boolean touched(String key) {
        return states.containsKey(key);
    }

    /** The state of one document; it must have been touched. */
    public S state(String key) {
        S state = states.get(key);
        if (state == null) {
            throw new AssertionError("no event touched " + key);
        }
        return state;
    }

    /** The time the n-th event (from 0) was recorded at, when every event took the default. */
    public static Instant recorded(int n) {
        return FIRST_RECORDED.plus(Duration.ofMinutes(n));
    }
}
