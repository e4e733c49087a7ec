package org.integrationledger.query.rebuild;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild's states beyond its memory bound go to PostgreSQL and come back with every change, each once. */
class BoundedStatesIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void keepsStatesThatFitInMemoryAndNeverTouchesTheTable() {
        String owner = owner();
        BoundedStates<Counter> states = new BoundedStates<>(owner, 10, jdbc);
        IntStream.range(0, 10).forEach(i -> {
            states.computeIfAbsent("k" + i, Counter::new).add(i);
            states.evictIfFull();
        });

        assertThat(states.spilled()).isZero();
        assertThat(rows(owner)).isZero();
        assertThat(drained(states)).extracting(Counter::key).hasSize(10);
    }

    @Test
    void spillsTheLeastRecentlyUsedAndReadsThemBackWithTheirChanges() {
        String owner = owner();
        BoundedStates<Counter> states = new BoundedStates<>(owner, 4, jdbc);
        for (int i = 0; i < 20; i++) {
            states.computeIfAbsent(String.format("k%02d", i), Counter::new).add(i);
            // k00 is used with every other key: it stays recent and never leaves memory.
            states.computeIfAbsent("k00", Counter::new).add(100);
            states.evictIfFull();
        }
        long spilledWhileApplying = states.spilled();
        long rowsWhileApplying = rows(owner);
        // Keys that left memory long ago come back with what they had, and take the new change.
        states.computeIfAbsent("k01", Counter::new).add(1_001);
        states.computeIfAbsent("k02", Counter::new).add(1_002);
        states.evictIfFull();

        List<Counter> all = drained(states);

        assertThat(spilledWhileApplying).isPositive();
        assertThat(rowsWhileApplying).isPositive();
        assertThat(states.readBack()).as("k01 and k02, nothing else").isEqualTo(2);
        assertThat(all).extracting(Counter::key).as("each key once, in key order")
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> String.format("k%02d", i)).toList());
        assertThat(all.get(0).values).hasSize(21).startsWith(0, 100);
        assertThat(all.get(1).values).containsExactly(1, 1_001);
        assertThat(all.get(2).values).containsExactly(2, 1_002);
        assertThat(all.get(19).values).containsExactly(19);
        assertThat(rows(owner)).as("the spill is deleted once drained").isZero();
    }

    @Test
    void aStateReadBackAndSpilledAgainKeepsItsLatestChanges() {
        String owner = owner();
        BoundedStates<Counter> states = new BoundedStates<>(owner, 2, jdbc);
        for (int round = 0; round < 3; round++) {
            // "k" leaves memory while the others are used, comes back, takes a change, and leaves again.
            states.computeIfAbsent("k", Counter::new).add(round);
            states.evictIfFull();
            for (int i = 0; i < 4; i++) {
                states.computeIfAbsent("other" + round + "-" + i, Counter::new).add(i);
                states.evictIfFull();
            }
        }

        List<Counter> all = drained(states);

        assertThat(states.readBack()).as("k, in the second and third rounds").isEqualTo(2);
        assertThat(all).filteredOn(counter -> counter.key().equals("k")).singleElement()
                .satisfies(counter -> assertThat(counter.values).containsExactly(0, 1, 2));
        assertThat(all).hasSize(13);
    }

    @Test
    void aSnapshotKeepsTheStatesAndNamesTheOnesUsedAfterIt() {
        String owner = owner();
        BoundedStates<Counter> states = new BoundedStates<>(owner, 4, jdbc);
        for (int i = 0; i < 10; i++) {
            states.computeIfAbsent(String.format("k%02d", i), Counter::new).add(i);
            states.evictIfFull();
        }

        List<Counter> snapshot = StreamSupport.stream(states.snapshot().spliterator(), false).toList();
        states.computeIfAbsent("k01", Counter::new).add(101);
        states.computeIfAbsent("k10", Counter::new).add(10);
        states.evictIfFull();
        Map<String, Counter> touched = states.touchedSinceSnapshot();

        assertThat(snapshot).extracting(Counter::key).containsExactlyElementsOf(
                IntStream.range(0, 10).mapToObj(i -> String.format("k%02d", i)).toList());
        assertThat(touched).containsOnlyKeys("k01", "k10");
        assertThat(touched.get("k01").values).as("read back from the spill, changed").containsExactly(1, 101);
        assertThat(touched.get("k10").values).containsExactly(10);
        assertThat(rows(owner)).as("a snapshot keeps the spill").isEqualTo(10);
        states.discard();
        assertThat(rows(owner)).isZero();
    }

    @Test
    void drainsMoreStatesThanOneReadBatch() {
        String owner = owner();
        BoundedStates<Counter> states = new BoundedStates<>(owner, 100, jdbc);
        int count = BoundedStates.BATCH * 2 + 7;
        for (int i = 0; i < count; i++) {
            states.computeIfAbsent(String.format("k%05d", i), Counter::new).add(i);
            states.evictIfFull();
        }

        List<Counter> all = drained(states);

        assertThat(all).hasSize(count);
        assertThat(all).extracting(counter -> counter.values.get(0)).containsExactlyElementsOf(
                IntStream.range(0, count).boxed().toList());
    }

    @Test
    void startsWithoutTheRowsAFailedRebuildLeftBehind() {
        String owner = owner();
        BoundedStates<Counter> failed = new BoundedStates<>(owner, 2, jdbc);
        IntStream.range(0, 10).forEach(i -> {
            failed.computeIfAbsent("k" + i, Counter::new).add(i);
            failed.evictIfFull();
        });
        assertThat(rows(owner)).isPositive();

        BoundedStates<Counter> next = new BoundedStates<>(owner, 2, jdbc);

        assertThat(rows(owner)).isZero();
        assertThat(drained(next)).isEmpty();
    }

    @Test
    void refusesToReadBackAnObjectOfAnotherCodebase() throws IOException {
        String owner = owner();
        BoundedStates<Counter> states = new BoundedStates<>(owner, 2, jdbc);
        IntStream.range(0, 4).forEach(i -> {
            states.computeIfAbsent("k" + i, Counter::new).add(i);
            states.evictIfFull();
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LinkedMultiValueMap<String, String>());
        }
        jdbc.update("INSERT INTO projection_rebuild_spill (owner, state_key, state) VALUES (?, 'a-foreign-one', ?)",
                owner, bytes.toByteArray());

        assertThatThrownBy(() -> drained(states)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not read back");
    }

    private static List<Counter> drained(BoundedStates<Counter> states) {
        return StreamSupport.stream(states.drain().spliterator(), false).toList();
    }

    private long rows(String owner) {
        return jdbc.queryForObject("SELECT count(*) FROM projection_rebuild_spill WHERE owner = ?", Long.class, owner);
    }

    private static String owner() {
        return "test/" + UUID.randomUUID();
    }

    /** A state that remembers every change made to it, in order. */
    static final class Counter implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final String key;
        private final List<Integer> values = new ArrayList<>();

        Counter(String key) {
            this.key = key;
        }

        void add(int value) {
            values.add(value);
        }

        String key() {
            return key;
        }
    }
}
