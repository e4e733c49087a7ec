package org.integrationledger.query.supplier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the supplier view and the supplier-propagation view. Like every projection it runs in a pooled
 * streaming processor with its token in the same transaction as the rows; events of one supplier stay in order
 * because the processor sequences by aggregate. The rules per event live in {@link SupplierRules}, shared with
 * the rebuild ({@link SupplierReplay}); this class only gives them the database's rows.
 */
@Component
@AppliedOnce
@ProcessingGroup(SupplierProjection.PROCESSING_GROUP)
class SupplierProjection {

    static final String PROCESSING_GROUP = "supplier-view";

    private final SupplierViewRepository suppliers;
    private final SupplierCopyViewRepository copies;
    private final SupplierRules.Rows rows;

    SupplierProjection(SupplierViewRepository suppliers, SupplierCopyViewRepository copies) {
        this.suppliers = suppliers;
        this.copies = copies;
        this.rows = new StoredRows(suppliers, copies);
    }

    @EventHandler
    void on(SupplierEvent event, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        SupplierRules.apply(event, recordedAt, rows);
    }

    /** A replay rebuilds both views from the first event, so it starts from empty tables. */
    @ResetHandler
    void reset() {
        copies.deleteAllInBatch();
        suppliers.deleteAllInBatch();
    }

    /** The live rows: the processor's transaction makes each event's changes and its token one commit. */
    private record StoredRows(SupplierViewRepository suppliers, SupplierCopyViewRepository copies)
            implements SupplierRules.Rows {

        @Override
        public Optional<SupplierView> supplier(String supplierId) {
            return suppliers.findById(supplierId);
        }

        @Override
        public SupplierView save(SupplierView supplier) {
            return suppliers.save(supplier);
        }

        @Override
        public Optional<SupplierCopyView> copy(String supplierId, String systemId) {
            return copies.findById(new SupplierCopyView.Key(supplierId, systemId));
        }

        @Override
        public List<SupplierCopyView> copiesOf(String supplierId) {
            return copies.findBySupplierIdOrderBySystemId(supplierId);
        }

        @Override
        public void save(SupplierCopyView copy) {
            copies.save(copy);
        }
    }
}
