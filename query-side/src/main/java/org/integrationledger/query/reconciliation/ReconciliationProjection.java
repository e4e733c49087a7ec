package org.integrationledger.query.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the reconciliation view. Each event updates its document's position in the reporting system and then
 * recomputes the document's divergences from its whole state, keeping the start of every divergence that stays
 * open: the view says the same whatever order the events of different systems arrived in. The rules live in
 * {@link ReconciliationRules}, shared with the rebuild.
 */
@Component
@AppliedOnce
@ProcessingGroup(ReconciliationProjection.PROCESSING_GROUP)
class ReconciliationProjection {

    static final String PROCESSING_GROUP = "reconciliation-view";
    private static final String BATCH_DOCUMENTS = ReconciliationProjection.class.getName() + ".batchDocuments";

    private final ReconciliationTable table;
    private final DuplicateTable duplicates;
    private final SystemRegions regions;

    ReconciliationProjection(ReconciliationTable table, DuplicateTable duplicates, SystemRegions regions) {
        this.table = table;
        this.duplicates = duplicates;
        this.regions = regions;
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

    /**
     * Applies the event to its documents as the batch holds them. A batch (one unit of work, one transaction with the
     * token) loads each document once, and writes each changed one once, all together before it commits: a document
     * with several events in a batch (a bulk load, a busy order) costs one load and one write instead of one each
     * per event. Outside a unit of work (tests calling the handler directly) every event is loaded and written.
     */
    private void update(Object event, Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        if (!CurrentUnitOfWork.isStarted()) {
            table.saveChanged(ReconciliationRules.apply(event, recordedAt, this::loadOrNew, regions));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        BatchDocuments batch = unitOfWork.getOrComputeResource(BATCH_DOCUMENTS, key -> {
            BatchDocuments documents = new BatchDocuments();
            unitOfWork.onPrepareCommit(u -> table.saveChanged(documents.changedInKeyOrder()));
            return documents;
        });
        ReconciliationRules.apply(event, recordedAt,
                key -> batch.loaded.computeIfAbsent(key, this::loadOrNew), regions).forEach(batch::changed);
    }

    private DocumentState loadOrNew(ReconciliationRules.DocumentKey key) {
        return table.load(key.type(), key.id()).orElseGet(() -> new DocumentState(key.type(), key.id()));
    }

    /** The documents a batch has loaded, and those of them it changed. */
    private static final class BatchDocuments {

        private static final Comparator<ReconciliationRules.DocumentKey> KEY_ORDER =
                Comparator.comparing((ReconciliationRules.DocumentKey key) -> key.type().name())
                        .thenComparing(ReconciliationRules.DocumentKey::id);

        final Map<ReconciliationRules.DocumentKey, DocumentState> loaded = new HashMap<>();
        private final Map<ReconciliationRules.DocumentKey, DocumentState> changed = new TreeMap<>(KEY_ORDER);

        void changed(DocumentState document) {
            changed.put(new ReconciliationRules.DocumentKey(document.type, document.id), document);
        }

        /** In key order, so two batches writing the same documents lock them in the same order. */
        List<DocumentState> changedInKeyOrder() {
            return List.copyOf(changed.values());
        }
    }
}
