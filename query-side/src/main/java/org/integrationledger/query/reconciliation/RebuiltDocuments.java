package org.integrationledger.query.reconciliation;

import org.integrationledger.query.fold.RebuiltTables;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.SwitchSteps;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A rebuild's reconciliation documents written beside the live tables ({@link ReconciliationTable#writeRebuilt}):
 * all of them once the store is read, before the processors stop; the switch rewrites only the documents the last
 * events changed and renames the tables in. The duplicates caught are few: they are kept aside while the documents
 * are written and replace the live table's rows in the switch.
 */
final class RebuiltDocuments implements RebuiltTables<ReconciliationState> {

    private final ReconciliationTable table;
    private final DuplicateTable duplicates;
    /** The duplicates caught, by the key of the state that holds them. */
    private final Map<String, List<DuplicateRow>> caught = new HashMap<>();

    RebuiltDocuments(ReconciliationTable table, DuplicateTable duplicates) {
        this.table = table;
        this.duplicates = duplicates;
    }

    @Override
    public void prepareSwitch(BoundedStates<ReconciliationState> states) {
        SwitchSteps steps = new SwitchSteps(ReconciliationProjection.PROCESSING_GROUP + " (before the stop)");
        Iterable<ReconciliationState> snapshot = states.snapshot();
        table.writeRebuilt(() -> StreamSupport.stream(snapshot.spliterator(), false).peek(this::keepDuplicates)
                .flatMap(ReconciliationState::documents).iterator());
        steps.step("rebuilt rows written beside and indexed");
        steps.log();
    }

    @Override
    public void replaceLive(BoundedStates<ReconciliationState> states) {
        SwitchSteps steps = new SwitchSteps(ReconciliationProjection.PROCESSING_GROUP);
        Collection<ReconciliationState> touched = states.touchedSinceSnapshot().values();
        touched.forEach(this::keepDuplicates);
        table.rewriteRebuilt(touched.stream().flatMap(ReconciliationState::documents).toList());
        steps.step(touched.size() + " states of the last events rewritten beside");
        duplicates.deleteAll();
        duplicates.insert(caught.values().stream().flatMap(List::stream).toList());
        steps.step("caught duplicates replaced");
        steps.log();
    }

    @Override
    public void swapIn() {
        SwitchSteps steps = new SwitchSteps(ReconciliationProjection.PROCESSING_GROUP);
        table.swapRebuiltIn();
        steps.step("rebuilt tables renamed in, divergence counts recomputed");
        steps.log();
    }

    private void keepDuplicates(ReconciliationState state) {
        if (state.duplicates().isEmpty()) {
            caught.remove(state.key());
        } else {
            caught.put(state.key(), state.duplicates());
        }
    }
}
