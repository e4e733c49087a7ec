package org.integrationledger.query.rebuild;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The states one rebuild computes (documents, views), keyed by text, with at most {@code capacity} of them in memory.
 * When there are more, the least recently used are written to {@code projection_rebuild_spill} a batch at a time and
 * read back if an event touches them again; {@link #drain()} then hands every state over in key order, a batch at a
 * time, so a rebuild of any size runs in bounded heap (docs/audit.md). A store whose states all fit never touches the
 * table.
 *
 * <p>Events of one document come close together in the store (a PO is issued, acknowledged, received, invoiced and
 * paid within days), so a state that left memory is rarely needed again. A Bloom filter of the spilled keys spares the
 * lookup for a state that was never spilled, which is every new document.
 */
public final class BoundedStates<S extends Serializable> {

    /** States per spill batch and per drained batch: one JDBC round trip each. */
    static final int BATCH = 1_000;
    /**
     * Sized for four million spilled keys (the documents of a store of about ten million events) at 1 % false
     * positives: 4.8 MB per kind of state that spills. Beyond that only the needless lookups rise.
     */
    private static final int EXPECTED_SPILLED_KEYS = 4_000_000;
    // Only the states this codebase spilled itself are read back; the filter refuses any other class.
    private static final ObjectInputFilter ONLY_LEDGER_STATES =
            ObjectInputFilter.Config.createFilter("org.integrationledger.**;java.**;!*");

    private final String owner;
    private final int capacity;
    private final int evictBatch;
    private final JdbcTemplate jdbc;
    private final Map<String, S> inMemory = new LinkedHashMap<>(16, 0.75f, true);
    private BloomFilter<CharSequence> spilledKeys;
    /** Keys read back from the spill since they were last written there: their rows exist and are replaced. */
    private final Set<String> readBackKeys = new HashSet<>();
    /** One buffer for every state this instance spills (one thread uses it), so it grows once, not per state. */
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8 << 10);
    /** Keys used since {@link #snapshot()}; null before it. */
    private Set<String> touched;
    private long spilled;
    private long readBack;

    BoundedStates(String owner, int capacity, JdbcTemplate jdbc) {
        this.owner = owner;
        this.capacity = capacity;
        this.evictBatch = Math.max(1, Math.min(BATCH, capacity / 2));
        this.jdbc = jdbc;
        // Rows a failed or interrupted rebuild left behind; only one rebuild of a projection runs at a time.
        jdbc.update("DELETE FROM projection_rebuild_spill WHERE owner = ?", owner);
    }

    /** The state under this key: from memory, read back from the spill, or else made by {@code create}. */
    public S computeIfAbsent(String key, Function<String, S> create) {
        if (touched != null) {
            touched.add(key);
        }
        S state = inMemory.get(key);
        if (state == null) {
            state = readBack(key);
            if (state == null) {
                state = create.apply(key);
            }
            inMemory.put(key, state);
        }
        return state;
    }

    /** The state under this key, from memory or read back from the spill; null if there is none (none is made). */
    public S find(String key) {
        S state = inMemory.get(key);
        if (state == null) {
            state = readBack(key);
            if (state != null) {
                if (touched != null) {
                    touched.add(key);
                }
                inMemory.put(key, state);
            }
        }
        return state;
    }

    /**
     * Replaces the state under this key, which {@link #computeIfAbsent} has just answered: an immutable state changes
     * by being replaced. Call it before {@link #evictIfFull()}, while the key is in memory.
     */
    public void replace(String key, S state) {
        inMemory.put(key, state);
    }

    /**
     * Spills the least recently used states (a batch of them) once more than {@code capacity} are in memory. Call it between events,
     * never while an event is being applied: a state in use must stay where its changes are seen.
     */
    public void evictIfFull() {
        if (inMemory.size() <= capacity) {
            return;
        }
        List<Map.Entry<String, S>> eldest = new ArrayList<>(evictBatch);
        Iterator<Map.Entry<String, S>> iterator = inMemory.entrySet().iterator();
        while (iterator.hasNext() && eldest.size() < evictBatch) {
            eldest.add(iterator.next());
        }
        spill(eldest);
        eldest.forEach(entry -> inMemory.remove(entry.getKey()));
    }

    /** States written to the spill so far, and read back from it. */
    public long spilled() {
        return spilled;
    }

    public long readBack() {
        return readBack;
    }

    /**
     * Every state, each once. If none was spilled these are the states in memory; otherwise the ones in memory are
     * spilled too and all are read back in key order, {@value #BATCH} at a time, so the caller can write them out
     * without holding them. Call it once, when no more events come; the spilled rows are deleted when it is done.
     */
    public Iterable<S> drain() {
        return everyState(true);
    }

    /**
     * Every state as it is now, each once (in key order if any was spilled), while keeping them all: the caller
     * writes them out while events still come, and {@link #touchedSinceSnapshot()} then hands over the states those
     * events used. The states in memory are spilled first, so every state is read from the spill (and read back
     * from it if used again); {@link #discard()} deletes the spill at the end.
     */
    public Iterable<S> snapshot() {
        touched = new HashSet<>();
        return everyState(false);
    }

    /** The states used since {@link #snapshot()}, by key in key order, as they are now. */
    public Map<String, S> touchedSinceSnapshot() {
        if (touched == null) {
            throw new IllegalStateException("no snapshot was taken");
        }
        Map<String, S> states = new TreeMap<>();
        for (String key : touched) {
            S state = inMemory.get(key);
            if (state == null) {
                state = readBack(key);
            }
            if (state != null) {
                states.put(key, state);
            }
        }
        return states;
    }

    /** Forgets every state and deletes the spill; for after a {@link #snapshot()}, once the states are written. */
    public void discard() {
        inMemory.clear();
        jdbc.update("DELETE FROM projection_rebuild_spill WHERE owner = ?", owner);
    }

    /** The states in memory if none was spilled; else all of them, spilled first and read from the spill. */
    private Iterable<S> everyState(boolean deleteSpillAtEnd) {
        if (spilledKeys == null) {
            return List.copyOf(inMemory.values());
        }
        List<Map.Entry<String, S>> rest = new ArrayList<>(BATCH);
        for (Map.Entry<String, S> entry : inMemory.entrySet()) {
            rest.add(entry);
            if (rest.size() == BATCH) {
                spill(rest);
                rest.clear();
            }
        }
        spill(rest);
        inMemory.clear();
        return () -> new SpillReader(deleteSpillAtEnd);
    }

    private S readBack(String key) {
        if (spilledKeys == null || !spilledKeys.mightContain(key)) {
            return null;
        }
        List<S> found = jdbc.query("SELECT state FROM projection_rebuild_spill WHERE owner = ? AND state_key = ?",
                (rs, n) -> deserialize(rs.getBytes(1)), owner, key);
        if (found.isEmpty()) {
            return null;
        }
        readBack++;
        readBackKeys.add(key);
        return found.get(0);
    }

    private void spill(List<Map.Entry<String, S>> states) {
        if (states.isEmpty()) {
            return;
        }
        if (spilledKeys == null) {
            spilledKeys = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), EXPECTED_SPILLED_KEYS, 0.01);
        }
        // A state spilled for the first time is copied (PostgreSQL's bulk path); one read back since replaces its row.
        List<Object[]> fresh = new ArrayList<>(states.size());
        List<Object[]> again = new ArrayList<>();
        for (Map.Entry<String, S> entry : states) {
            Object[] row = {owner, entry.getKey(), SpillSerialization.serialize(entry.getValue(), buffer)};
            (readBackKeys.remove(entry.getKey()) ? again : fresh).add(row);
        }
        CopyRows.copy(jdbc, "projection_rebuild_spill", "owner, state_key, state", fresh);
        if (!again.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO projection_rebuild_spill (owner, state_key, state) VALUES (?, ?, ?) "
                    + "ON CONFLICT (owner, state_key) DO UPDATE SET state = EXCLUDED.state", again);
        }
        states.forEach(entry -> spilledKeys.put(entry.getKey()));
        spilled += states.size();
    }

    @SuppressWarnings("unchecked")
    private S deserialize(byte[] bytes) {
        try {
            return (S) SpillSerialization.deserialize(bytes, ONLY_LEDGER_STATES);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("could not read back a spilled rebuild state of " + owner, e);
        }
    }

    /** Reads the spill in key order a batch at a time (keyset paging), and deletes it once read to the end if asked. */
    private final class SpillReader implements Iterator<S> {

        private final boolean deleteAtEnd;
        private Iterator<S> batch = List.<S>of().iterator();
        private String lastKey = "";
        private boolean exhausted;

        SpillReader(boolean deleteAtEnd) {
            this.deleteAtEnd = deleteAtEnd;
        }

        @Override
        public boolean hasNext() {
            if (!batch.hasNext() && !exhausted) {
                List<String> keys = new ArrayList<>(BATCH);
                List<S> states = jdbc.query("SELECT state_key, state FROM projection_rebuild_spill WHERE owner = ? "
                        + "AND state_key > ? ORDER BY state_key LIMIT " + BATCH, (rs, n) -> {
                            keys.add(rs.getString(1));
                            return deserialize(rs.getBytes(2));
                        }, owner, lastKey);
                if (states.size() < BATCH) {
                    exhausted = true;
                    if (deleteAtEnd) {
                        jdbc.update("DELETE FROM projection_rebuild_spill WHERE owner = ?", owner);
                    }
                }
                if (!keys.isEmpty()) {
                    lastKey = keys.get(keys.size() - 1);
                }
                batch = states.iterator();
            }
            return batch.hasNext();
        }

        @Override
        public S next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.next();
        }
    }
}
