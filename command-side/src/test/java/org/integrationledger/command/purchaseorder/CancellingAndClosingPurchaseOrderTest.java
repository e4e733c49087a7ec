package org.integrationledger.command.purchaseorder;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.purchaseorder.CancelPurchaseOrder;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.shared.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/**
 * Procurement ends an order by cancelling or closing it; from then on, and before procurement has issued it,
 * nothing but ERP reports is accepted.
 */
class CancellingAndClosingPurchaseOrderTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = purchaseOrders();
    }

    /** Everything procurement can report about an order once it has issued it. */
    static Stream<Arguments> procurementUpdates() {
        return Stream.of(
                Arguments.of(Named.of("a goods receipt", receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "1", "EA")))),
                Arguments.of(Named.of("an amendment", amend(2, List.of(bearings("120"), housings("10")), usd("2300.00")))),
                Arguments.of(Named.of("a cancellation", cancel())),
                Arguments.of(Named.of("a closure", close())));
    }

    @Test
    void cancelsAnIssuedOrder() {
        fixture.given(issued())
                .when(cancel())
                .expectEvents(cancelled())
                .expectResultMessagePayload(outcome(1, PurchaseOrderCancelled.class));
    }

    @Test
    void closesAnOrderAfterItsGoodsArrived() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, true,
                        received(BEARINGS, "100", "EA"), received(HOUSINGS, "10", "EA")))
                .when(close())
                .expectEvents(closed())
                .expectResultMessagePayload(outcome(2, PurchaseOrderClosed.class));
    }

    @Test
    void closesAPartlyReceivedOrder() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(close())
                .expectEvents(closed());
    }

    @ParameterizedTest(name = "rejects {0} for an order known only from an ERP acknowledgment")
    @MethodSource("procurementUpdates")
    void rejectsUpdatesToAnOrderKnownOnlyFromAnErp(Object update) {
        fixture.given(postedInErp(ERP_NA, 1))
                .when(update)
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_NOT_ISSUED));
    }

    @ParameterizedTest(name = "rejects {0} for an order whose requisition was approved but that was not issued")
    @MethodSource("procurementUpdates")
    void rejectsUpdatesToAnOrderThatIsOnlyARequisition(Object update) {
        fixture.given(requisitionApproved())
                .when(update)
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_NOT_ISSUED));
    }

    @ParameterizedTest(name = "rejects {0} after cancellation")
    @MethodSource("procurementUpdates")
    void rejectsUpdatesToACancelledOrder(Object update) {
        fixture.given(issued(), cancelled())
                .when(update)
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_CANCELLED));
    }

    @ParameterizedTest(name = "rejects {0} after closure")
    @MethodSource("procurementUpdates")
    void rejectsUpdatesToAClosedOrder(Object update) {
        fixture.given(issued(), closed())
                .when(update)
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_CLOSED));
    }

    @Test
    void rejectsReceiptAfterCancellation() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")),
                        cancelled())
                .when(receive("GR-2", SECOND_DELIVERY_AT, received(BEARINGS, "40", "EA")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_CANCELLED));
    }

    @Test
    void rejectsClosingTwice() {
        fixture.given(issued(), closed())
                .when(close())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_CLOSED));
    }

    @Test
    void acceptsACancellationBasedOnTheCurrentLedgerVersion() {
        fixture.given(issued(), postedInErp(ERP_NA, 1))
                .when(cancelExpecting(1L))
                .expectEvents(cancelled());
    }

    @Test
    void rejectsACancellationBasedOnAnOutdatedLedgerVersion() {
        fixture.given(issued(), postedInErp(ERP_NA, 1))
                .when(cancelExpecting(0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    private static CancelPurchaseOrder cancelExpecting(Long ledgerVersion) {
        return new CancelPurchaseOrder(newMessageId(), PROCUREMENT, AMENDED_AT, ORDER,
                "supplier cannot deliver", ledgerVersion);
    }
}
