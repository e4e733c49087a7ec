package org.integrationledger.query.supplier;

import org.integrationledger.model.supplier.SupplierEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Both supplier views rebuilt in memory from events fed in their stored order, by the live projection's own
 * rules ({@link SupplierRules}). It writes nothing, runs no handler and sends nothing.
 */
final class SupplierReplay implements SupplierRules.Rows {

    private final Map<String, SupplierView> suppliers = new LinkedHashMap<>();
    // Per supplier, copies by system id: sorted, like the live query the rules use for a supplier's copies.
    private final Map<String, TreeMap<String, SupplierCopyView>> copies = new LinkedHashMap<>();
    private long eventsApplied;

    /** Applies one event recorded at {@code recordedAt}; events must arrive in the event store's order. */
    void apply(SupplierEvent event, Instant recordedAt) {
        SupplierRules.apply(event, recordedAt, this);
        eventsApplied++;
    }

    Collection<SupplierView> suppliers() {
        return suppliers.values();
    }

    List<SupplierCopyView> copies() {
        return copies.values().stream().flatMap(bySystem -> bySystem.values().stream()).toList();
    }

    long eventsApplied() {
        return eventsApplied;
    }

    @Override
    public Optional<SupplierView> supplier(String supplierId) {
        return Optional.ofNullable(suppliers.get(supplierId));
    }

    @Override
    public SupplierView save(SupplierView supplier) {
        suppliers.put(supplier.supplierId(), supplier);
        return supplier;
    }

    @Override
    public Optional<SupplierCopyView> copy(String supplierId, String systemId) {
        return Optional.ofNullable(copies.getOrDefault(supplierId, new TreeMap<>()).get(systemId));
    }

    @Override
    public List<SupplierCopyView> copiesOf(String supplierId) {
        return List.copyOf(copies.getOrDefault(supplierId, new TreeMap<>()).values());
    }

    @Override
    public void save(SupplierCopyView copy) {
        copies.computeIfAbsent(copy.supplierId(), id -> new TreeMap<>()).put(copy.systemId(), copy);
    }
}
