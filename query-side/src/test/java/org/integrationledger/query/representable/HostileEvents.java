package org.integrationledger.query.representable;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Orders the contract accepted with values at and beyond what a view can store. */
public final class HostileEvents {

    public static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    /** {@code "occurredAt":"1700000000000"} read as epoch seconds. */
    public static final Instant YEAR_55840 = Instant.ofEpochSecond(1_700_000_000_000L);
    public static final Instant YEAR_318857 = Instant.parse("+318857-01-01T00:00:00Z");
    public static final Instant YEAR_MINUS_5000 = Instant.parse("-5000-01-01T00:00:00Z");

    private HostileEvents() {
    }

    /** One line of {@code quantity} at {@code unitPrice}, the order's total {@code total}, in USD. */
    public static PurchaseOrderIssued issued(String orderId, String quantity, String unitPrice, String total,
                                             Instant occurredAt) {
        SystemId erp = SystemId.of("ERP_NA");
        return new PurchaseOrderIssued(PurchaseOrderId.of(orderId), SupplierId.of("SUP-1"), LegalEntityId.of("US01"),
                erp, "REQ-1",
                List.of(new PurchaseOrderLine(1, "Ball bearing", Quantity.of(quantity, "EA"),
                        UnitPrice.of(unitPrice, "USD"), false)),
                Money.of(total, "USD"), 1, new RoutingDecision(LegalEntityId.of("US01"), erp, "US", "NA", 1),
                SystemId.of("PROCUREMENT"), occurredAt);
    }

    public static PurchaseOrderIssued occurredAt(String orderId, Instant occurredAt) {
        return issued(orderId, "1", "1", "1.00", occurredAt);
    }
}
