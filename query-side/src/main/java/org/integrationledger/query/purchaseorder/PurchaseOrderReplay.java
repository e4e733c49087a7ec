package org.integrationledger.query.purchaseorder;

import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The purchase-order view rebuilt in memory from events fed in their stored order, by the same rules as the
 * live projection. Auditors use it for the state as it was known at a past instant; it writes nothing.
 */
public final class PurchaseOrderReplay {

    private final Map<String, PurchaseOrderView> views = new LinkedHashMap<>();
    private long eventsApplied;

    /** Applies one event recorded at {@code recordedAt}; events must arrive in the event store's order. */
    public void apply(PurchaseOrderEvent event, Instant recordedAt) {
        String id = event.purchaseOrderId().value();
        views.computeIfAbsent(id, PurchaseOrderView::new).apply(event, recordedAt);
        eventsApplied++;
    }

    public Optional<PurchaseOrderSummary> find(PurchaseOrderId id) {
        return Optional.ofNullable(views.get(id.value())).map(PurchaseOrderView::toSummary);
    }

    /** Every order seen so far, in no particular order. */
    public List<PurchaseOrderSummary> all() {
        return views.values().stream().map(PurchaseOrderView::toSummary).toList();
    }

    public long eventsApplied() {
        return eventsApplied;
    }
}
