package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reconciliation view as a rebuildable projection: rebuilt in memory by {@link ReconciliationRules} (the live
 * projection's own rules, no handlers), then written into the live tables in one transaction.
 */
@Component
class ReconciliationViewRebuild implements RebuildableProjection {

    private final ReconciliationTable table;
    private final DuplicateTable duplicates;

    ReconciliationViewRebuild(ReconciliationTable table, DuplicateTable duplicates) {
        this.table = table;
        this.duplicates = duplicates;
    }

    @Override
    public String name() {
        return ReconciliationProjection.PROCESSING_GROUP;
    }

    @Override
    @Transactional(readOnly = true)
    public String checksum() {
        return checksumOf(table.loadAll(), duplicates.all());
    }

    @Override
    public Rebuild newRebuild() {
        Map<ReconciliationRules.DocumentKey, DocumentState> documents = new LinkedHashMap<>();
        List<DuplicateRow> caught = new ArrayList<>();
        return new Rebuild() {
            private String checksum;

            @Override
            public void apply(EventMessage<?> event) {
                ReconciliationRules.apply(event.getPayload(), event.getTimestamp(),
                        key -> documents.computeIfAbsent(key, k -> new DocumentState(k.type(), k.id())));
                caught.addAll(DuplicateRow.of(event));
                DuplicateRow.resolutionOf(event).ifPresent(resolution -> caught.replaceAll(row ->
                        resolution.appliesTo(row) ? row.resolved(resolution) : row));
            }

            @Override
            public void replaceLive() {
                table.deleteAll();
                duplicates.deleteAll();
                table.saveAll(documents.values());
                duplicates.insert(caught);
                // Read back, so the checksum sees the values as the tables store them (microsecond instants).
                checksum = checksumOf(table.loadAll(), duplicates.all());
            }

            @Override
            public String checksum() {
                return checksum;
            }
        };
    }

    private static String checksumOf(Map<ReconciliationRules.DocumentKey, DocumentState> documentsInKeyOrder,
                                     List<DuplicateRow> duplicatesInKeyOrder) {
        return Checksums.sha256(Stream.concat(documentsInKeyOrder.values().stream().map(DocumentState::canonical),
                duplicatesInKeyOrder.stream().map(DuplicateRow::canonical)));
    }
}
