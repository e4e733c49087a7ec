package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.supplier.SupplierEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the reconciliation view. Each event updates its document's position in the reporting system and then
 * recomputes the document's divergences from its whole state, keeping the start of every divergence that stays
 * open: the view says the same whatever order the events of different systems arrived in.
 */
@Component
@ProcessingGroup(ReconciliationProjection.PROCESSING_GROUP)
class ReconciliationProjection {

    static final String PROCESSING_GROUP = "reconciliation-view";

    private final ReconciliationTable table;

    ReconciliationProjection(ReconciliationTable table) {
        this.table = table;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, @Timestamp Instant recordedAt) {
        update(DocumentType.PURCHASE_ORDER, event.purchaseOrderId().value(),
                order -> PurchaseOrderReconciliation.apply(order, event, recordedAt),
                PurchaseOrderReconciliation::divergences);
    }

    @EventHandler
    void on(SupplierEvent event, @Timestamp Instant recordedAt) {
        update(DocumentType.SUPPLIER, event.supplierId().value(),
                supplier -> SupplierReconciliation.apply(supplier, event, recordedAt),
                SupplierReconciliation::divergences);
    }

    @ResetHandler
    void reset() {
        table.deleteAll();
    }

    private void update(DocumentType type, String id, Consumer<DocumentState> rule,
                        Function<DocumentState, List<OpenDivergence>> divergences) {
        DocumentState document = table.load(type, id).orElseGet(() -> new DocumentState(type, id));
        rule.accept(document);
        refresh(document, divergences.apply(document));
        table.save(document);
    }

    /** Replaces the open divergences, keeping the earliest start of each one that was already open. */
    static void refresh(DocumentState document, List<OpenDivergence> now) {
        Map<OpenDivergence.Key, OpenDivergence> open = new LinkedHashMap<>();
        for (OpenDivergence divergence : now) {
            OpenDivergence before = document.divergences.get(divergence.key());
            OpenDivergence kept = before != null && before.since().isBefore(divergence.since())
                    ? divergence.since(before.since()) : divergence;
            open.merge(kept.key(), kept, (a, b) -> a.since().isBefore(b.since()) ? a : b);
        }
        document.divergences.clear();
        document.divergences.putAll(open);
    }
}
