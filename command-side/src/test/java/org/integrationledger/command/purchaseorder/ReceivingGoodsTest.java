package org.integrationledger.command.purchaseorder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.shared.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/**
 * Goods arrive against lines of an issued order, possibly in several deliveries; an over-delivery or goods on a line
 * the order does not have are recorded as delivered and named as received beyond the order.
 */
class ReceivingGoodsTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = purchaseOrders();
    }

    @Test
    void aPartialDeliveryLeavesTheOrderOpenForMoreGoods() {
        fixture.given(issued())
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "60", "EA")))
                .expectEvents(goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .expectResultMessagePayload(outcome(1, GoodsReceived.class));
    }

    @Test
    void partialDeliveriesAddUpToAFullReceipt() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(BEARINGS, "40", "EA"), received(HOUSINGS, "10", "EA")))
                .expectEvents(goodsReceived("GR-2", SECOND_DELIVERY_AT, true,
                        received(BEARINGS, "40", "EA"), received(HOUSINGS, "10", "EA")));
    }

    @Test
    void anOrderIsNotFullyReceivedWhileOneLineIsStillOpen() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "100", "EA")))
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(HOUSINGS, "9", "EA")))
                .expectEvents(goodsReceived("GR-2", SECOND_DELIVERY_AT, false, received(HOUSINGS, "9", "EA")));
    }

    @Test
    void aSingleDeliveryOfEverythingCompletesTheOrder() {
        fixture.given(issued())
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "100", "EA"), received(HOUSINGS, "10", "EA")))
                .expectEvents(goodsReceived("GR-1", FIRST_DELIVERY_AT, true,
                        received(BEARINGS, "100", "EA"), received(HOUSINGS, "10", "EA")));
    }

    @Test
    void recordsAnOverDeliveryAndNamesTheLineReceivedBeyondTheOrder() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(BEARINGS, "41", "EA")))
                .expectEvents(receivedBeyondOrder("GR-2", SECOND_DELIVERY_AT, false,
                        List.of(received(BEARINGS, "41", "EA")), beyond(BEARINGS, "100", "101")))
                .expectResultMessagePayload(outcome(2, GoodsReceived.class));
    }

    @Test
    void countsAnOverDeliveryOverEveryEarlierDelivery() {
        fixture.given(issued(),
                        goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")),
                        goodsReceived("GR-2", SECOND_DELIVERY_AT, false, received(BEARINGS, "30", "EA")))
                .when(receive("GR-3", SECOND_DELIVERY_AT, received(BEARINGS, "11", "EA")))
                .expectEvents(receivedBeyondOrder("GR-3", SECOND_DELIVERY_AT, false,
                        List.of(received(BEARINGS, "11", "EA")), beyond(BEARINGS, "100", "101")));
    }

    @Test
    void aFurtherReceiptWithinTheOrderStillNamesTheLineAlreadyBeyondIt() {
        fixture.given(issued(), receivedBeyondOrder("GR-1", FIRST_DELIVERY_AT, false,
                        List.of(received(HOUSINGS, "11", "EA")), beyond(HOUSINGS, "10", "11")))
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(BEARINGS, "100", "EA")))
                .expectEvents(receivedBeyondOrder("GR-2", SECOND_DELIVERY_AT, true,
                        List.of(received(BEARINGS, "100", "EA")), beyond(HOUSINGS, "10", "11")));
    }

    @Test
    void recordsGoodsOnALineTheOrderDoesNotHave() {
        fixture.given(issued())
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(7, "1", "EA")))
                .expectEvents(receivedBeyondOrder("GR-1", FIRST_DELIVERY_AT, false, List.of(received(7, "1", "EA")),
                        beyond(7, null, "1")));
    }

    @Test
    void anAmendmentThatOrdersTheOverDeliveryNamesNothingBeyondTheOrder() {
        List<PurchaseOrderLine> covering = List.of(bearings("100"), housings("11"));

        fixture.given(issued(), receivedBeyondOrder("GR-1", FIRST_DELIVERY_AT, false,
                        List.of(received(HOUSINGS, "11", "EA")), beyond(HOUSINGS, "10", "11")))
                .when(amend(2, covering, usd("2130.00")))
                .expectEvents(amended(2, covering, usd("2130.00"), standardTotal()));
    }

    @Test
    void rejectsAReceiptInAnotherUnitThanTheLineWasOrderedIn() {
        fixture.given(issued())
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "2", "BOX")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void serviceLinesDoNotHoldUpAFullReceipt() {
        List<PurchaseOrderLine> goodsAndService = List.of(bearings("100"), installation("8"));

        fixture.given(issued(goodsAndService, usd("2010.00")))
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "100", "EA")))
                .expectEvents(goodsReceived("GR-1", FIRST_DELIVERY_AT, true, received(BEARINGS, "100", "EA")));
    }

    @Test
    void anAmendmentThatOrdersMoreAcceptsFurtherDeliveries() {
        List<PurchaseOrderLine> moreBearings = List.of(bearings("120"), housings("10"));

        fixture.given(issued(),
                        goodsReceived("GR-1", FIRST_DELIVERY_AT, true,
                                received(BEARINGS, "100", "EA"), received(HOUSINGS, "10", "EA")),
                        amended(2, moreBearings, usd("2300.00"), standardTotal()))
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(BEARINGS, "20", "EA")))
                .expectEvents(goodsReceived("GR-2", SECOND_DELIVERY_AT, true, received(BEARINGS, "20", "EA")));
    }

    @Test
    void anAmendmentThatOrdersMoreKeepsTheOrderOpenUntilTheRestArrives() {
        List<PurchaseOrderLine> moreBearings = List.of(bearings("120"), housings("10"));

        fixture.given(issued(),
                        goodsReceived("GR-1", FIRST_DELIVERY_AT, true,
                                received(BEARINGS, "100", "EA"), received(HOUSINGS, "10", "EA")),
                        amended(2, moreBearings, usd("2300.00"), standardTotal()))
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(BEARINGS, "5", "EA")))
                .expectEvents(goodsReceived("GR-2", SECOND_DELIVERY_AT, false, received(BEARINGS, "5", "EA")));
    }
}
