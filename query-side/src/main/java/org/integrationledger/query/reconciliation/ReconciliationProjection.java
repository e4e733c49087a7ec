package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.supplier.SupplierEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Builds the reconciliation view. Each event updates its document's position in the reporting system and then
 * recomputes the document's divergences from its whole state, keeping the start of every divergence that stays
 * open: the view says the same whatever order the events of different systems arrived in. The rules live in
 * {@link ReconciliationRules}, shared with the rebuild.
 */
@Component
@ProcessingGroup(ReconciliationProjection.PROCESSING_GROUP)
class ReconciliationProjection {

    static final String PROCESSING_GROUP = "reconciliation-view";

    private final ReconciliationTable table;
    private final DuplicateTable duplicates;

    ReconciliationProjection(ReconciliationTable table, DuplicateTable duplicates) {
        this.table = table;
        this.duplicates = duplicates;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, @Timestamp Instant recordedAt) {
        update(event, recordedAt);
    }

    @EventHandler
    void on(InvoiceEvent event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        update(event, recordedAt);
        duplicates(message);
    }

    @EventHandler
    void on(SupplierEvent event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        update(event, recordedAt);
        duplicates(message);
    }

    private void duplicates(EventMessage<?> message) {
        List<DuplicateRow> caught = DuplicateRow.of(message);
        if (!caught.isEmpty()) {
            duplicates.insert(caught);
        }
        DuplicateRow.resolutionOf(message).ifPresent(duplicates::resolve);
    }

    @ResetHandler
    void reset() {
        table.deleteAll();
        duplicates.deleteAll();
    }

    private void update(Object event, Instant recordedAt) {
        ReconciliationRules.apply(event, recordedAt, key -> table.load(key.type(), key.id())
                .orElseGet(() -> new DocumentState(key.type(), key.id()))).forEach(table::save);
    }
}
