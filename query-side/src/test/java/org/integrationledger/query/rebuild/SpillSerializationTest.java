package org.integrationledger.query.rebuild;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spilled states come back equal, with class names instead of whole descriptors, and still through the filter. */
class SpillSerializationTest {

    private static final ObjectInputFilter LEDGER_AND_JDK =
            ObjectInputFilter.Config.createFilter("org.integrationledger.**;java.**;!*");

    enum Stage { OPEN, CLOSED }

    record Flag(Stage stage, String system, Instant since) implements Serializable {
    }

    static class Base implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        String distinctiveBaseFieldName = "base";
    }

    /** The shape of a rebuild's state: a subclass with nulls, numbers, maps of records keyed by records, lists. */
    static final class State extends Base {
        @Serial
        private static final long serialVersionUID = 1L;
        String id;
        Integer version;
        long events;
        BigDecimal amount;
        Instant lastRecordedAt;
        String missing;
        transient String cached = "not written";
        Map<Flag, Flag> flags = new HashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();

        @Override
        public boolean equals(Object other) {
            return other instanceof State s && Objects.equals(id, s.id) && Objects.equals(version, s.version)
                    && events == s.events && Objects.equals(amount, s.amount)
                    && Objects.equals(lastRecordedAt, s.lastRecordedAt) && Objects.equals(missing, s.missing)
                    && Objects.equals(flags, s.flags) && Objects.equals(lines, s.lines)
                    && Objects.equals(distinctiveBaseFieldName, s.distinctiveBaseFieldName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, events);
        }
    }

    private static State state(int n) {
        State state = new State();
        state.id = "PO-" + n;
        state.version = n % 2 == 0 ? null : n;
        state.events = 1_000_000_000_000L + n;
        state.amount = new BigDecimal("1234.5" + n);
        state.lastRecordedAt = Instant.parse("2026-12-04T09:00:00.123456789Z").plusSeconds(n);
        state.distinctiveBaseFieldName = "base " + n;
        Flag flag = new Flag(Stage.values()[n % 2], "ERP_EMEA", state.lastRecordedAt);
        state.flags.put(new Flag(Stage.OPEN, "key " + n, null), flag);
        state.lines.put("line", new ArrayList<>(List.of("a" + n, "b")));
        return state;
    }

    @Test
    void readsBackEveryStateEqualFromItsOwnBytes() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<byte[]> spilled = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            spilled.add(SpillSerialization.serialize(state(n), buffer));
        }
        for (int n = 49; n >= 0; n--) {
            State read = (State) SpillSerialization.deserialize(spilled.get(n), LEDGER_AND_JDK);
            assertThat(read).isEqualTo(state(n));
            assertThat(read.cached).as("transient, as in Java serialization").isNull();
        }
    }

    @Test
    void writesClassNamesButNoFieldDescriptors() throws IOException {
        byte[] compact = SpillSerialization.serialize(state(7), new ByteArrayOutputStream());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(plain)) {
            out.writeObject(state(7));
        }
        String compactText = new String(compact, StandardCharsets.ISO_8859_1);
        assertThat(new String(plain.toByteArray(), StandardCharsets.ISO_8859_1)).contains("distinctiveBaseFieldName");
        assertThat(compactText).doesNotContain("distinctiveBaseFieldName").contains(State.class.getName());
        assertThat(compact.length).isLessThan(plain.size());
    }

    @Test
    void refusesAClassTheFilterRefuses() {
        byte[] bytes = SpillSerialization.serialize(state(1), new ByteArrayOutputStream());
        ObjectInputFilter jdkOnly = ObjectInputFilter.Config.createFilter("java.**;!*");
        assertThatThrownBy(() -> SpillSerialization.deserialize(bytes, jdkOnly))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
    }
}
