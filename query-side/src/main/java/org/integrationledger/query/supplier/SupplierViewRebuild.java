package org.integrationledger.query.supplier;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildStates;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.stream.Stream;

/**
 * The supplier projection as a rebuildable projection: both of its tables rebuilt into bounded states by
 * {@link SupplierReplay} (the live projection's own rules, no handlers), then swapped into {@code supplier_view}
 * and {@code supplier_copy_view} in one transaction, so no reader ever sees one table rebuilt and the other not.
 */
@Component
class SupplierViewRebuild implements RebuildableProjection {

    private final SupplierViewRepository suppliers;
    private final SupplierCopyViewRepository copies;
    private final EntityManager entityManager;
    private final RebuildStates states;

    SupplierViewRebuild(SupplierViewRepository suppliers, SupplierCopyViewRepository copies,
                        EntityManager entityManager, RebuildStates states) {
        this.suppliers = suppliers;
        this.copies = copies;
        this.entityManager = entityManager;
        this.states = states;
    }

    @Override
    public String name() {
        return SupplierProjection.PROCESSING_GROUP;
    }

    /** Repeatable read: both tables from one snapshot, even while the live processor is writing. */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public String checksum() {
        return checksumOfStoredRows();
    }

    @Override
    public Rebuild newRebuild() {
        // Bounded: a large store's suppliers do not all fit in memory (docs/audit.md, "Memory of a rebuild").
        SupplierReplay replay = new SupplierReplay(states.open(name() + "/supplier"));
        return new Rebuild() {
            @Override
            public void apply(EventMessage<?> event) {
                if (event.getPayload() instanceof SupplierEvent supplierEvent) {
                    replay.apply(supplierEvent, event.getTimestamp());
                }
            }

            @Override
            public void replaceLive() {
                // Both tables in the caller's one transaction: readers see the old pair or the new pair, never a mix.
                copies.deleteAllInBatch();
                suppliers.deleteAllInBatch();
                JpaRebuilds.persistAll(entityManager, replay.drain());
            }

            @Override
            public List<BoundedStates<?>> states() {
                return List.of(replay.entries());
            }
        };
    }

    /** Both tables in key order, each line tagged with its table so a row cannot pass for one of the other. */
    private String checksumOfStoredRows() {
        try (Stream<String> supplierLines = JpaRebuilds.lines(entityManager, SupplierView.class, "e.supplierId",
                row -> "supplier_view|" + row.canonicalLine());
             Stream<String> copyLines = JpaRebuilds.lines(entityManager, SupplierCopyView.class,
                     "e.supplierId, e.systemId", row -> "supplier_copy_view|" + row.canonicalLine())) {
            return Checksums.sha256(Stream.concat(supplierLines, copyLines));
        }
    }
}
