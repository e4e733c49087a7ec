package org.integrationledger.query.purchaseorder;

import jakarta.persistence.EntityManager;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.LiveStates;
import org.integrationledger.query.fold.ShadowTableCopy;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.stream.Stream;

/**
 * The purchase-order view's fold in its host: live on {@code purchase_order_view} through JPA, rebuilt beside it in
 * a shadow table, replayed in memory for the audit's as-of answers.
 */
@Configuration(proxyBeanMethods = false)
class PurchaseOrderViewConfiguration {

    @Bean
    FoldHost<PurchaseOrderEvent, PurchaseOrderState> purchaseOrderViewHost(PurchaseOrderViewRepository views,
            EntityManager entityManager, JdbcTemplate jdbc, RebuildStates states,
            PlatformTransactionManager transactions) {
        String name = PurchaseOrderProjection.PROCESSING_GROUP;
        return new FoldHost<>(name, new PurchaseOrderFold(), new StoredOrders(views, entityManager), states,
                () -> new ShadowTableCopy<>(jdbc, name, "purchase_order_view", "purchase_order_id",
                        PurchaseOrderState.COLUMNS, PurchaseOrderState::copyRow),
                () -> checksumOfStoredRows(entityManager), transactions);
    }

    private static String checksumOfStoredRows(EntityManager entityManager) {
        try (Stream<String> lines = JpaRebuilds.lines(entityManager, PurchaseOrderView.class, "e.purchaseOrderId",
                row -> row.state().canonicalLine())) {
            return Checksums.sha256(lines);
        }
    }

    /**
     * The live rows. A found row belongs to the batch's persistence context (one transaction per batch), so its
     * changes are flushed when the batch commits, and the batch's later events for the same order find it there
     * without a query; a new row is persisted. {@code save} would merge on every event: a copy of every field, and
     * for a new row an extra SELECT (the id is assigned, so Spring Data cannot tell it is new).
     */
    private record StoredOrders(PurchaseOrderViewRepository views, EntityManager entityManager)
            implements LiveStates<PurchaseOrderState> {

        @Override
        public PurchaseOrderState load(String key) {
            return views.findById(key).map(PurchaseOrderView::state).orElse(null);
        }

        @Override
        public void save(String key, PurchaseOrderState before, PurchaseOrderState state) {
            if (before == null) {
                entityManager.persist(new PurchaseOrderView(state));
                return;
            }
            PurchaseOrderView row = views.findById(key).orElseThrow();
            row.write(state);
            if (!entityManager.contains(row)) {
                // Outside a transaction (no persistence context to flush it) the change is written explicitly.
                views.save(row);
            }
        }
    }
}
