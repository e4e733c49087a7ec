package org.integrationledger.query.purchaseorder;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.stream.Stream;

/**
 * The purchase-order view as a rebuildable projection: rebuilt in memory by {@link PurchaseOrderReplay} (the live
 * projection's own rules, no handlers), then swapped into {@code purchase_order_view} in one transaction.
 */
@Component
class PurchaseOrderViewRebuild implements RebuildableProjection {

    private final PurchaseOrderViewRepository views;
    private final EntityManager entityManager;

    PurchaseOrderViewRebuild(PurchaseOrderViewRepository views, EntityManager entityManager) {
        this.views = views;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return PurchaseOrderProjection.PROCESSING_GROUP;
    }

    @Override
    @Transactional(readOnly = true)
    public String checksum() {
        return checksumOfStoredRows();
    }

    @Override
    public Rebuild newRebuild() {
        PurchaseOrderReplay replay = new PurchaseOrderReplay();
        return new Rebuild() {
            private String checksum;

            @Override
            public void apply(EventMessage<?> event) {
                if (event.getPayload() instanceof PurchaseOrderEvent purchaseOrderEvent) {
                    replay.apply(purchaseOrderEvent, event.getTimestamp());
                }
            }

            @Override
            public void replaceLive() {
                views.deleteAllInBatch();
                JpaRebuilds.persistAll(entityManager, replay.views());
                // Read back, so the checksum sees the values as the table stores them (PostgreSQL rounds
                // instants to microseconds), exactly as the checksum of the live table does.
                checksum = checksumOfStoredRows();
            }

            @Override
            public String checksum() {
                return checksum;
            }
        };
    }

    private String checksumOfStoredRows() {
        try (Stream<String> lines = JpaRebuilds.lines(entityManager, PurchaseOrderView.class, "e.purchaseOrderId",
                PurchaseOrderView::canonicalLine)) {
            return Checksums.sha256(lines);
        }
    }
}
