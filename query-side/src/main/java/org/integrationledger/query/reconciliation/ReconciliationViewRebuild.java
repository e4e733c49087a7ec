package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reconciliation view as a rebuildable projection: rebuilt in memory by {@link ReconciliationRules} (the live
 * projection's own rules, no handlers), then written into the live tables in one transaction.
 */
@Component
class ReconciliationViewRebuild implements RebuildableProjection {

    private final ReconciliationTable table;

    ReconciliationViewRebuild(ReconciliationTable table) {
        this.table = table;
    }

    @Override
    public String name() {
        return ReconciliationProjection.PROCESSING_GROUP;
    }

    @Override
    @Transactional(readOnly = true)
    public String checksum() {
        return checksumOf(table.loadAll());
    }

    @Override
    public Rebuild newRebuild() {
        Map<ReconciliationRules.DocumentKey, DocumentState> documents = new LinkedHashMap<>();
        return new Rebuild() {
            private String checksum;

            @Override
            public void apply(EventMessage<?> event) {
                Object payload = event.getPayload();
                ReconciliationRules.documentOf(payload).ifPresent(key -> ReconciliationRules.apply(
                        documents.computeIfAbsent(key, k -> new DocumentState(k.type(), k.id())), payload,
                        event.getTimestamp()));
            }

            @Override
            public void replaceLive() {
                table.deleteAll();
                documents.values().forEach(table::save);
                // Read back, so the checksum sees the values as the tables store them (microsecond instants).
                checksum = checksumOf(table.loadAll());
            }

            @Override
            public String checksum() {
                return checksum;
            }
        };
    }

    private static String checksumOf(Map<ReconciliationRules.DocumentKey, DocumentState> documentsInKeyOrder) {
        return Checksums.sha256(documentsInKeyOrder.values().stream().map(DocumentState::canonical));
    }
}
