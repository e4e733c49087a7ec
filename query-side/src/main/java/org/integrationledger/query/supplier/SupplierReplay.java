package org.integrationledger.query.supplier;

import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.rebuild.BoundedStates;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Both supplier views rebuilt from events fed in their stored order, by the live projection's own rules
 * ({@link SupplierRules}), into bounded states: one entry per supplier with its row and its copies, so a supplier's
 * rows leave and come back from the spill together. It writes nothing, runs no handler and sends nothing.
 */
final class SupplierReplay implements SupplierRules.Rows {

    private final BoundedStates<Entry> entries;

    SupplierReplay(BoundedStates<Entry> entries) {
        this.entries = entries;
    }

    /** Applies one event recorded at {@code recordedAt}; events must arrive in the event store's order. */
    void apply(SupplierEvent event, Instant recordedAt) {
        SupplierRules.apply(event, recordedAt, this);
        entries.evictIfFull();
    }

    BoundedStates<Entry> entries() {
        return entries;
    }

    /** Every supplier row and copy row, each supplier's together; read once, at the switch. */
    Iterable<Object> drain() {
        return () -> StreamSupport.stream(entries.drain().spliterator(), false).flatMap(Entry::rows).iterator();
    }

    private Entry entry(String supplierId) {
        return entries.computeIfAbsent(supplierId, id -> new Entry());
    }

    @Override
    public Optional<SupplierView> supplier(String supplierId) {
        return Optional.ofNullable(entry(supplierId).supplier);
    }

    @Override
    public SupplierView save(SupplierView supplier) {
        entry(supplier.supplierId()).supplier = supplier;
        return supplier;
    }

    @Override
    public Optional<SupplierCopyView> copy(String supplierId, String systemId) {
        return Optional.ofNullable(entry(supplierId).copies.get(systemId));
    }

    @Override
    public List<SupplierCopyView> copiesOf(String supplierId) {
        return List.copyOf(entry(supplierId).copies.values());
    }

    @Override
    public void save(SupplierCopyView copy) {
        entry(copy.supplierId()).copies.put(copy.systemId(), copy);
    }

    /** One supplier's row (absent until an event made it) and its copies by system id, sorted like the live query. */
    static final class Entry implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private SupplierView supplier;
        private final TreeMap<String, SupplierCopyView> copies = new TreeMap<>();

        private Stream<Object> rows() {
            return Stream.concat(Stream.ofNullable(supplier), copies.values().stream());
        }
    }
}
