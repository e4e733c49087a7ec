package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildStates;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reconciliation view as a rebuildable projection: rebuilt by {@link ReconciliationRules} (the live projection's
 * own rules, no handlers) into bounded states. Once the store is read, before the processors stop, every document is
 * written beside the live tables and indexed ({@link org.integrationledger.query.rebuild.ShadowTable}); the switch
 * rewrites only the documents the last events changed and renames the tables in, in one transaction.
 */
@Component
class ReconciliationViewRebuild implements RebuildableProjection {

    private final ReconciliationTable table;
    private final DuplicateTable duplicates;
    private final RebuildStates states;
    private final SystemRegions regions;

    ReconciliationViewRebuild(ReconciliationTable table, DuplicateTable duplicates, RebuildStates states,
                              SystemRegions regions) {
        this.table = table;
        this.duplicates = duplicates;
        this.states = states;
        this.regions = regions;
    }

    @Override
    public String name() {
        return ReconciliationProjection.PROCESSING_GROUP;
    }

    @Override
    @Transactional(readOnly = true)
    public String checksum() {
        return checksumOfStoredRows();
    }

    @Override
    public Rebuild newRebuild() {
        // Bounded: a large store's documents do not all fit in memory (docs/audit.md, "Memory of a rebuild").
        BoundedStates<DocumentState> documents = states.open(name() + "/document");
        List<DuplicateRow> caught = new ArrayList<>();
        return new Rebuild() {
            @Override
            public void apply(EventMessage<?> event) {
                ReconciliationRules.apply(event.getPayload(), event.getTimestamp(),
                        key -> documents.computeIfAbsent(key.type().name() + '|' + key.id(),
                                k -> new DocumentState(key.type(), key.id())), regions);
                documents.evictIfFull();
                caught.addAll(DuplicateRow.of(event));
                DuplicateRow.resolutionOf(event).ifPresent(resolution -> caught.replaceAll(row ->
                        resolution.appliesTo(row) ? row.resolved(resolution) : row));
            }

            /** Writes every document beside the live tables and indexes them, while the processors still run. */
            @Override
            public void prepareSwitch() {
                SwitchSteps steps = new SwitchSteps(name() + " (before the stop)");
                table.writeRebuilt(documents.snapshot());
                steps.step("rebuilt rows written beside and indexed");
                steps.log();
            }

            /** Rewrites the documents the last events (read with the processors stopped) changed. */
            @Override
            public void replaceLive() {
                SwitchSteps steps = new SwitchSteps(name());
                Collection<DocumentState> touched = documents.touchedSinceSnapshot().values();
                table.rewriteRebuilt(touched);
                steps.step(touched.size() + " documents of the last events rewritten beside");
                duplicates.deleteAll();
                duplicates.insert(caught);
                steps.step("caught duplicates replaced");
                steps.log();
            }

            @Override
            public void cleanUp() {
                documents.discard();
            }

            @Override
            public void swapIn() {
                SwitchSteps steps = new SwitchSteps(name());
                table.swapRebuiltIn();
                steps.step("rebuilt tables renamed in, divergence counts recomputed");
                steps.log();
            }

            @Override
            public List<BoundedStates<?>> states() {
                return List.of(documents);
            }
        };
    }

    private String checksumOfStoredRows() {
        try (Stream<DocumentState> documents = table.allInKeyOrder()) {
            return Checksums.sha256(Stream.concat(documents.map(DocumentState::canonical),
                    duplicates.all().stream().map(DuplicateRow::canonical)));
        }
    }
}
