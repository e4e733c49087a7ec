package org.integrationledger.query.supplier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the supplier view and the supplier-propagation view. Like every projection it runs in a pooled
 * streaming processor with its token in the same transaction as the rows; events of one supplier stay in order
 * because the processor sequences by aggregate. The rules per event live in {@link SupplierFold}, which the same
 * {@link FoldHost} also runs for rebuilds; this class only hands it the events.
 */
@Component
@AppliedOnce
@ProcessingGroup(SupplierProjection.PROCESSING_GROUP)
class SupplierProjection {

    static final String PROCESSING_GROUP = "supplier-view";

    private final FoldHost<SupplierEvent, SupplierStates> host;
    private final SupplierViewRepository suppliers;
    private final SupplierCopyViewRepository copies;

    SupplierProjection(FoldHost<SupplierEvent, SupplierStates> host, SupplierViewRepository suppliers,
                       SupplierCopyViewRepository copies) {
        this.host = host;
        this.suppliers = suppliers;
        this.copies = copies;
    }

    @EventHandler
    void on(SupplierEvent event, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        host.live(event, recordedAt);
    }

    /** A replay rebuilds both views from the first event, so it starts from empty tables. */
    @ResetHandler
    void reset() {
        copies.deleteAllInBatch();
        suppliers.deleteAllInBatch();
    }
}
