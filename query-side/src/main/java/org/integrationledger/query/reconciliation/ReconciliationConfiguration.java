package org.integrationledger.query.reconciliation;

import org.integrationledger.query.fold.FoldOfFamilies;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildStates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.stream.Stream;

/**
 * The reconciliation view: the region of each system of record, and its folds (orders, suppliers, invoices) in one
 * host, live on the reconciliation tables ({@link StoredDocuments}), rebuilt beside them ({@link RebuiltDocuments})
 * and replayable in memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SystemRegions.class)
class ReconciliationConfiguration {

    @Bean
    FoldHost<Object, ReconciliationState> reconciliationViewHost(ReconciliationTable table,
            DuplicateTable duplicates, SystemRegions regions, RebuildStates states,
            PlatformTransactionManager transactions) {
        return new FoldHost<>(ReconciliationProjection.PROCESSING_GROUP, folds(regions),
                new StoredDocuments(table, duplicates), states, () -> new RebuiltDocuments(table, duplicates),
                () -> checksumOfStoredRows(table, duplicates), transactions);
    }

    /** The view's rules: one fold per event family, over the same documents. */
    static FoldOfFamilies<ReconciliationState> folds(SystemRegions regions) {
        return new FoldOfFamilies<>(ReconciliationState::initial, List.of(new PurchaseOrderReconciliation(regions),
                new SupplierReconciliation(), new InvoiceReconciliation(regions)));
    }

    /** Every document in key order with its systems and flags, then the duplicates caught by event id. */
    private static String checksumOfStoredRows(ReconciliationTable table, DuplicateTable duplicates) {
        try (Stream<DocumentState> documents = table.allInKeyOrder()) {
            return Checksums.sha256(Stream.concat(documents.map(DocumentState::canonical),
                    duplicates.all().stream().map(DuplicateRow::canonical)));
        }
    }
}
