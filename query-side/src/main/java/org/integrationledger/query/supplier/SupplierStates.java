package org.integrationledger.query.supplier;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Everything the supplier views hold about one supplier: its row and its copies by system id (sorted like the live
 * query), one state, so a rebuild spills and reads back a supplier's rows together.
 */
record SupplierStates(SupplierViewState supplier, SortedMap<String, SupplierCopyState> copies)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    SupplierStates {
        copies = Collections.unmodifiableSortedMap(copies);
    }

    static SupplierStates initial(String supplierId) {
        return new SupplierStates(SupplierViewState.initial(supplierId), new TreeMap<>());
    }

    SupplierStates supplier(SupplierViewState changed) {
        return new SupplierStates(changed, copies);
    }

    /** The copy held by {@code systemId}, changed; a system without a copy gets none. */
    SupplierStates copy(String systemId, UnaryOperator<SupplierCopyState> change) {
        SupplierCopyState copy = copies.get(systemId);
        return copy == null ? this : withCopy(change.apply(copy));
    }

    SupplierStates withCopy(SupplierCopyState copy) {
        TreeMap<String, SupplierCopyState> changed = new TreeMap<>(copies);
        changed.put(copy.systemId(), copy);
        return new SupplierStates(supplier, changed);
    }

    /** Every copy changed alike. */
    SupplierStates everyCopy(UnaryOperator<SupplierCopyState> change) {
        TreeMap<String, SupplierCopyState> changed = new TreeMap<>();
        copies.forEach((system, copy) -> changed.put(system, change.apply(copy)));
        return new SupplierStates(supplier, changed);
    }
}
