package org.integrationledger.app.deadletter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fault a test switches on for one purchase order, in the purchase-order view's processing group: its events then
 * fail in the handler (an exception), at commit (an SQL error in the batch's transaction, after every handler
 * returned, as the projections' late writes fail), or as a failure of the moment (the database briefly away). Inert for every other order, so the shared test context keeps
 * it.
 */
@Component
@ProcessingGroup("purchase-order-view")
class PurchaseOrderViewFault {

    enum Kind { THROW_IN_HANDLER, SQL_ERROR_AT_COMMIT, TRANSIENT }

    private final Map<String, Kind> faults = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    PurchaseOrderViewFault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void breakOrder(String purchaseOrderId, Kind kind) {
        faults.put(purchaseOrderId, kind);
    }

    void fix(String purchaseOrderId) {
        faults.remove(purchaseOrderId);
    }

    @EventHandler
    void on(PurchaseOrderEvent event) {
        Kind fault = faults.get(event.purchaseOrderId().value());
        if (fault == Kind.THROW_IN_HANDLER) {
            throw new IllegalStateException("test fault for " + event.purchaseOrderId().value());
        }
        if (fault == Kind.TRANSIENT) {
            throw new TransientDataAccessResourceException("test: the database is briefly away");
        }
        if (fault == Kind.SQL_ERROR_AT_COMMIT && CurrentUnitOfWork.isStarted()) {
            // Division by zero: SQLState 22012, a data error like numeric overflow, raised before the commit.
            CurrentUnitOfWork.get().root().onPrepareCommit(u -> jdbc.queryForObject("SELECT 1 / 0", Integer.class));
        }
    }
}
