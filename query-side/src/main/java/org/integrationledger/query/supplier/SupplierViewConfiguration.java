package org.integrationledger.query.supplier;

import jakarta.persistence.EntityManager;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.LiveStates;
import org.integrationledger.query.fold.PersistedRows;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The supplier views' fold in its host: live on {@code supplier_view} and {@code supplier_copy_view} through JPA, and
 * rebuilt into both tables in the switch's one transaction, so no reader sees one table rebuilt and the other not.
 */
@Configuration(proxyBeanMethods = false)
class SupplierViewConfiguration {

    @Bean
    FoldHost<SupplierEvent, SupplierStates> supplierViewHost(SupplierViewRepository suppliers,
            SupplierCopyViewRepository copies, EntityManager entityManager, RebuildStates states,
            PlatformTransactionManager transactions) {
        return new FoldHost<>(SupplierProjection.PROCESSING_GROUP, new SupplierFold(),
                new StoredSuppliers(suppliers, copies, entityManager), states,
                () -> new PersistedRows<>(entityManager, () -> {
                    copies.deleteAllInBatch();
                    suppliers.deleteAllInBatch();
                }, SupplierViewConfiguration::rows),
                () -> checksumOfStoredRows(entityManager), transactions);
    }

    /** A supplier's row, then its copies. */
    private static Stream<Object> rows(SupplierStates supplier) {
        return Stream.concat(Stream.of(new SupplierView(supplier.supplier())),
                supplier.copies().values().stream().map(SupplierCopyView::new));
    }

    /** Both tables in key order, each line tagged with its table so a row cannot pass for one of the other. */
    private static String checksumOfStoredRows(EntityManager entityManager) {
        try (Stream<String> supplierLines = JpaRebuilds.lines(entityManager, SupplierView.class, "e.supplierId",
                row -> "supplier_view|" + row.state().canonicalLine());
             Stream<String> copyLines = JpaRebuilds.lines(entityManager, SupplierCopyView.class,
                     "e.supplierId, e.systemId", row -> "supplier_copy_view|" + row.state().canonicalLine())) {
            return Checksums.sha256(Stream.concat(supplierLines, copyLines));
        }
    }

    /**
     * The live rows, in the processor's batch transaction: found rows are managed (their changes flush at commit),
     * new ones are persisted, and only the copies an event changed are written.
     */
    private record StoredSuppliers(SupplierViewRepository suppliers, SupplierCopyViewRepository copies,
                                   EntityManager entityManager) implements LiveStates<SupplierStates> {

        @Override
        public SupplierStates load(String key) {
            // A copy is only made together with its supplier's row, so a supplier without a row has no copies.
            return suppliers.findById(key).map(row -> {
                TreeMap<String, SupplierCopyState> copyStates = new TreeMap<>();
                for (SupplierCopyView copy : copies.findBySupplierIdOrderBySystemId(key)) {
                    SupplierCopyState state = copy.state();
                    copyStates.put(state.systemId(), state);
                }
                return new SupplierStates(row.state(), copyStates);
            }).orElse(null);
        }

        @Override
        public void save(String key, SupplierStates before, SupplierStates state) {
            if (before == null) {
                suppliers.save(new SupplierView(state.supplier()));
            } else if (before.supplier() != state.supplier()) {
                SupplierView row = suppliers.findById(key).orElseThrow();
                row.write(state.supplier());
                suppliers.save(row);
            }
            for (SupplierCopyState copy : state.copies().values()) {
                SupplierCopyState old = before == null ? null : before.copies().get(copy.systemId());
                if (old == copy) {
                    continue;
                }
                SupplierCopyView row = old == null ? new SupplierCopyView(copy)
                        : copies.findById(new SupplierCopyView.Key(key, copy.systemId())).orElseThrow();
                row.write(copy);
                copies.save(row);
            }
        }
    }
}
