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
import java.util.Map;
import java.util.stream.Stream;

/**
 * The purchase-order view as a rebuildable projection: rebuilt by the view's own rules ({@link PurchaseOrderView#apply},
 * as the live projection and {@link PurchaseOrderReplay} do; no handlers) into bounded states. Once the store is read,
 * before the processors stop, every order is written beside {@code purchase_order_view} and indexed
 * ({@link ShadowTable}); the switch rewrites only the orders the last events changed and renames the table in.
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

            /** Writes every order beside the live table and indexes it, while the processors still run. */
            @Override
            public void prepareSwitch() {
                SwitchSteps steps = new SwitchSteps(name() + " (before the stop)");
                rebuilt.recreate(false);
                copy(orders.snapshot());
                steps.step("rebuilt rows written beside");
                rebuilt.index();
                steps.step("rebuilt rows indexed and analyzed");
                steps.log();
            }

            /** Rewrites the orders the last events (read with the processors stopped) changed. */
            @Override
            public void replaceLive() {
                SwitchSteps steps = new SwitchSteps(name());
                Map<String, PurchaseOrderView> touched = orders.touchedSinceSnapshot();
                if (!touched.isEmpty()) {
                    jdbc.update("DELETE FROM " + rebuilt.name() + " WHERE purchase_order_id = ANY (?)",
                            (Object) touched.keySet().toArray(String[]::new));
                    copy(touched.values());
                }
                steps.step(touched.size() + " rows of the last events rewritten beside");
                steps.log();
            }

            @Override
            public void swapIn() {
                rebuilt.swapIn();
            }

            @Override
            public void cleanUp() {
                orders.discard();
            }

            // COPY into a table without indexes, not persist: every row of the view is written.
            private void copy(Iterable<PurchaseOrderView> views) {
                List<Object[]> rows = new ArrayList<>(COPY_CHUNK);
                for (PurchaseOrderView order : views) {
                    rows.add(order.copyRow());
                    if (rows.size() == COPY_CHUNK) {
                        CopyRows.copy(jdbc, rebuilt.name(), PurchaseOrderView.COLUMNS, rows);
                        rows.clear();
                    }
                }
                CopyRows.copy(jdbc, rebuilt.name(), PurchaseOrderView.COLUMNS, rows);
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
