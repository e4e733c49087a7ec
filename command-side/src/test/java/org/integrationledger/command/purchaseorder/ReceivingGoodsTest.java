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

/** Goods arrive against lines of an issued order, possibly in several deliveries, never more than ordered. */
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
    void rejectsOverReceipt() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(BEARINGS, "41", "EA")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.OVER_RECEIPT))
                .expectExceptionMessage(containsString("received 101 EA in total, ordered 100"));
    }

    @Test
    void rejectsOverReceiptCountedOverEveryEarlierDelivery() {
        fixture.given(issued(),
                        goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")),
                        goodsReceived("GR-2", SECOND_DELIVERY_AT, false, received(BEARINGS, "30", "EA")))
                .when(receive("GR-3", SECOND_DELIVERY_AT, received(BEARINGS, "11", "EA")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.OVER_RECEIPT));
    }

    @Test
    void rejectsTheWholeReceiptWhenOneOfItsLinesIsOverReceived() {
        fixture.given(issued())
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "100", "EA"), received(HOUSINGS, "11", "EA")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.OVER_RECEIPT));
    }

    @Test
    void rejectsAReceiptOnALineTheOrderDoesNotHave() {
        fixture.given(issued())
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(7, "1", "EA")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.UNKNOWN_LINE));
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
