package org.integrationledger.query.purchaseorder;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.CopyRows;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildStates;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.integrationledger.query.rebuild.ShadowTable;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The purchase-order view as a rebuildable projection: rebuilt by the view's own rules ({@link PurchaseOrderView#apply},
 * as the live projection and {@link PurchaseOrderReplay} do; no handlers) into bounded states, then written beside
 * {@code purchase_order_view} and renamed into its place ({@link ShadowTable}) in one transaction.
 */
@Component
class PurchaseOrderViewRebuild implements RebuildableProjection {

    private static final int COPY_CHUNK = 1_000;

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final RebuildStates states;

    PurchaseOrderViewRebuild(EntityManager entityManager, JdbcTemplate jdbc, RebuildStates states) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.states = states;
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
        // Bounded: a large store's orders do not all fit in memory (docs/audit.md, "Memory of a rebuild").
        BoundedStates<PurchaseOrderView> orders = states.open(name() + "/order");
        ShadowTable rebuilt = new ShadowTable(jdbc, "purchase_order_view", "purchase_order_view_rebuilt");
        return new Rebuild() {
            @Override
            public void apply(EventMessage<?> event) {
                if (event.getPayload() instanceof PurchaseOrderEvent purchaseOrderEvent) {
                    orders.computeIfAbsent(purchaseOrderEvent.purchaseOrderId().value(), PurchaseOrderView::new)
                            .apply(purchaseOrderEvent, event.getTimestamp());
                    orders.evictIfFull();
                }
            }

            @Override
            public void replaceLive() {
                SwitchSteps steps = new SwitchSteps(name());
                rebuilt.recreate(false);
                // COPY into a table without indexes, not persist: the switch writes every row while the live
                // processors stand still.
                List<Object[]> rows = new ArrayList<>(COPY_CHUNK);
                for (PurchaseOrderView order : orders.drain()) {
                    rows.add(order.copyRow());
                    if (rows.size() == COPY_CHUNK) {
                        CopyRows.copy(jdbc, rebuilt.name(), PurchaseOrderView.COLUMNS, rows);
                        rows.clear();
                    }
                }
                CopyRows.copy(jdbc, rebuilt.name(), PurchaseOrderView.COLUMNS, rows);
                steps.step("rebuilt rows written beside");
                rebuilt.index();
                steps.step("rebuilt rows indexed and analyzed");
                steps.log();
            }

            @Override
            public void swapIn() {
                rebuilt.swapIn();
            }

            @Override
            public List<BoundedStates<?>> states() {
                return List.of(orders);
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
