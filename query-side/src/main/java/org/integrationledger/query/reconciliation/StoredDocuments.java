package org.integrationledger.query.reconciliation;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.query.fold.LiveStates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reconciliation view's live states in its tables. A batch (one unit of work, one transaction with the token)
 * writes what it changed once, just before it commits: the documents that changed, in key order as JDBC batches
 * (their flags and the counts' deltas only where the open divergences changed), and the duplicates caught or
 * resolved. A document with several events in a batch (a bulk load, a busy order) costs one write instead of one
 * per event. Outside a unit of work (tests calling the handler directly) every event is written at once.
 */
final class StoredDocuments implements LiveStates<ReconciliationState> {

    private static final String BATCH = StoredDocuments.class.getName() + ".batch";

    private final ReconciliationTable table;
    private final DuplicateTable duplicates;

    StoredDocuments(ReconciliationTable table, DuplicateTable duplicates) {
        this.table = table;
        this.duplicates = duplicates;
    }

    @Override
    public ReconciliationState load(String key) {
        DocumentKey document = ReconciliationState.initial(key).document().key();
        // Every event of a document changes its own row, so a document without one has nothing else either.
        return table.load(document.type(), document.id()).map(found -> {
            ReconciliationState state = ReconciliationState.of(found);
            if (document.type() == DocumentType.INVOICE) {
                for (DocumentState payment : table.payments(document.id())) {
                    state = state.withPayment(payment);
                }
            }
            return state.withDuplicates(duplicates.caughtBy(document.type(), document.id()));
        }).orElse(null);
    }

    @Override
    public void save(String key, ReconciliationState before, ReconciliationState state) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(Map.of(key, new Change(before, state)));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<String, Change> batch = unitOfWork.getOrComputeResource(BATCH, name -> {
            Map<String, Change> changes = new HashMap<>();
            unitOfWork.onPrepareCommit(u -> write(changes));
            return changes;
        });
        // The state as stored is the one the batch loaded first; the one to store is its last.
        batch.merge(key, new Change(before, state), (first, next) -> new Change(first.stored(), next.state()));
    }

    private void write(Map<String, Change> changes) {
        Map<DocumentKey, DocumentState> changed = new TreeMap<>(DocumentKey.TABLE_ORDER);
        Set<DocumentKey> flagsChanged = new HashSet<>();
        List<DuplicateRow> caught = new ArrayList<>();
        List<DuplicateRow> resolved = new ArrayList<>();
        for (Change change : changes.values()) {
            Map<DocumentKey, DocumentState> stored = change.stored() == null ? Map.of()
                    : change.stored().documents().collect(Collectors.toMap(DocumentState::key, Function.identity()));
            change.state().documents().forEach(document -> {
                DocumentState was = stored.get(document.key());
                if (was == document) {
                    // States are immutable and a fold answers a new one for what it changes: the same one is unchanged.
                    return;
                }
                changed.put(document.key(), document);
                if (!document.divergences().equals(was == null ? Map.of() : was.divergences())) {
                    flagsChanged.add(document.key());
                }
            });
            Map<String, DuplicateRow> storedRows = new LinkedHashMap<>();
            if (change.stored() != null) {
                change.stored().duplicates().forEach(row -> storedRows.put(row.eventId(), row));
            }
            for (DuplicateRow row : change.state().duplicates()) {
                DuplicateRow was = storedRows.get(row.eventId());
                if (was == null) {
                    caught.add(row);
                } else if (!was.equals(row)) {
                    resolved.add(row);
                }
            }
        }
        table.saveChanged(new ArrayList<>(changed.values()), document -> flagsChanged.contains(document.key()));
        if (!caught.isEmpty()) {
            duplicates.insert(caught);
        }
        if (!resolved.isEmpty()) {
            duplicates.update(resolved);
        }
    }

    /** A document's state as stored (null if new) and as it is to be stored. */
    private record Change(ReconciliationState stored, ReconciliationState state) {
    }
}
