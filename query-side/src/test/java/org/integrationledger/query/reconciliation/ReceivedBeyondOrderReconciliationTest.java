package org.integrationledger.query.reconciliation;

import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptExcess;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Goods received beyond the order (an over-delivery, a line never ordered, an amendment below what arrived) are
 * flagged RECEIVED_BEYOND_ORDER on procurement's row from the receipt or amendment that left them so, until an
 * amendment covers them again; other events leave the flag as it stands.
 */
class ReceivedBeyondOrderReconciliationTest {

    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId WAREHOUSE = SystemId.of("ERP_NA");
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final SystemRegions REGIONS = SystemRegions.of(Map.of("ERP_NA", "NA"));
    private static final ReceiptExcess TWELVE_OF_TEN = new ReceiptExcess(1, Quantity.of("10", "EA"),
            Quantity.of("12", "EA"));

    private final ReconciliationFixture given = new ReconciliationFixture(REGIONS);

    @Test
    void anOverDeliveryIsFlaggedOnProcurementFromTheReceiptWithTheLine() {
        DocumentState order = replay(issued(), posted(600), received(3_600, TWELVE_OF_TEN));

        assertThat(beyondOrder(order)).extracting(OpenDivergence::system, OpenDivergence::region,
                OpenDivergence::since, OpenDivergence::detail).containsExactly(tuple("PROCUREMENT", "NA",
                NINE.plusSeconds(3_600), "received beyond the order: line 1: received 12 EA, ordered 10"));
    }

    @Test
    void aLineNeverOrderedIsNamedAsSuch() {
        DocumentState order = replay(issued(), received(3_600, new ReceiptExcess(7, null, Quantity.of("1", "EA"))));

        assertThat(beyondOrder(order)).extracting(OpenDivergence::detail)
                .containsExactly("received beyond the order: line 7: received 1 EA, not on the order");
    }

    @Test
    void theFlagStandsThroughOtherEventsAndKeepsItsStart() {
        DocumentState order = replay(issued(), received(3_600, TWELVE_OF_TEN), posted(7_200),
                received(8_000, TWELVE_OF_TEN));

        assertThat(beyondOrder(order)).extracting(OpenDivergence::since).containsExactly(NINE.plusSeconds(3_600));
    }

    @Test
    void anAmendmentThatCoversTheGoodsClosesItAndOneBelowThemOpensItAgain() {
        DocumentState order = replay(issued(), received(3_600, TWELVE_OF_TEN), amended(2, 7_200));
        assertThat(beyondOrder(order)).isEmpty();

        order = replay(amended(3, 9_000, new ReceiptExcess(1, Quantity.of("11", "EA"), Quantity.of("12", "EA"))));
        assertThat(beyondOrder(order)).extracting(OpenDivergence::since, OpenDivergence::detail)
                .containsExactly(tuple(NINE.plusSeconds(9_000), "received beyond the order: line 1: received 12 EA,"
                        + " ordered 11"));
    }

    @Test
    void aReceiptWithinTheOrderFlagsNothing() {
        assertThat(beyondOrder(replay(issued(), received(3_600)))).isEmpty();
    }

    private static List<OpenDivergence> beyondOrder(DocumentState order) {
        return order.divergences().values().stream()
                .filter(divergence -> divergence.flag() == Divergence.RECEIVED_BEYOND_ORDER).toList();
    }

    /** The order after these events, given after those of earlier calls in the same test. */
    private DocumentState replay(PurchaseOrderEvent... events) {
        given.given((Object[]) events);
        return given.document(DocumentType.PURCHASE_ORDER, ORDER.value());
    }

    private static PurchaseOrderIssued issued() {
        return new PurchaseOrderIssued(ORDER, SupplierId.of("SUP-1"), LegalEntityId.of("US01"), WAREHOUSE, "REQ-1",
                List.of(), Money.of("2050.00", "USD"), 1,
                new RoutingDecision(LegalEntityId.of("US01"), WAREHOUSE, "US_SALES_USE_TAX", "NA", 1), PROCUREMENT,
                NINE);
    }

    private static PurchaseOrderPostedInErp posted(long atSecond) {
        return new PurchaseOrderPostedInErp(ORDER, "ERP-DOC", 1, null, null, WAREHOUSE, NINE.plusSeconds(atSecond));
    }

    private static GoodsReceived received(long atSecond, ReceiptExcess... beyondOrder) {
        return new GoodsReceived(ORDER, "GR-" + atSecond, List.of(new ReceiptLine(1, Quantity.of("1", "EA"))), false,
                List.of(beyondOrder), PROCUREMENT, NINE.plusSeconds(atSecond));
    }

    private static PurchaseOrderAmended amended(int version, long atSecond, ReceiptExcess... beyondOrder) {
        return new PurchaseOrderAmended(ORDER, version, List.of(), Money.of("2050.00", "USD"),
                Money.of("2050.00", "USD"), "change", false, List.of(beyondOrder), PROCUREMENT,
                NINE.plusSeconds(atSecond));
    }
}
