package org.integrationledger.query.purchaseorder;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.data.domain.Sort;
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
        return checksumOf(views.findAll(Sort.by("purchaseOrderId")).stream());
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
                replay.views().forEach(entityManager::persist);
                entityManager.flush();
                // Read back, so the checksum sees the values as the table stores them (PostgreSQL rounds
                // instants to microseconds), exactly as the checksum of the live table does.
                entityManager.clear();
                checksum = checksumOf(views.findAll(Sort.by("purchaseOrderId")).stream());
            }

            @Override
            public String checksum() {
                return checksum;
            }
        };
    }

    private static String checksumOf(Stream<PurchaseOrderView> rowsInKeyOrder) {
        return Checksums.sha256(rowsInKeyOrder.map(PurchaseOrderView::canonicalLine));
    }
}
