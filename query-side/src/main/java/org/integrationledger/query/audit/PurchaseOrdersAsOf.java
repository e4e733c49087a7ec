package org.integrationledger.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;

import java.time.Instant;
import java.util.List;

/** What the ledger knew about purchase orders at a past recorded instant, rebuilt from the event history. */
public record PurchaseOrdersAsOf(
        @Schema(description = "the recorded-time instant the report is rebuilt for (events with recordedAt <= it)")
        Instant recordedAt,
        @Schema(description = "how many purchase-order events were recorded up to that instant (all orders)")
        long eventsApplied,
        List<PurchaseOrderSummary> items, int page, int size, long totalItems) {

    public PurchaseOrdersAsOf {
        items = List.copyOf(items);
    }
}
