package org.integrationledger.command.purchaseorder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/** Procurement sends new versions of an issued order; late, foreign-currency or below-receipt ones are not applied. */
class AmendingPurchaseOrderTest {

    private static final List<PurchaseOrderLine> MORE_BEARINGS = List.of(bearings("120"), housings("10"));
    private static final Money MORE_BEARINGS_TOTAL = usd("2300.00");

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = purchaseOrders();
    }

    @Test
    void appliesANewVersionWithItsLinesAndTotal() {
        fixture.given(issued())
                .when(amend(2, MORE_BEARINGS, MORE_BEARINGS_TOTAL))
                .expectEvents(amended(2, MORE_BEARINGS, MORE_BEARINGS_TOTAL, standardTotal()))
                .expectResultMessagePayload(outcome(1, PurchaseOrderAmended.class));
    }

    @Test
    void amendedLinesReplaceThePreviousOnes() {
        List<PurchaseOrderLine> bearingsOnly = List.of(bearings("120"));

        fixture.given(issued(), amended(2, bearingsOnly, usd("1500.00"), standardTotal()))
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(HOUSINGS, "10", "EA")))
                .expectEvents(receivedBeyondOrder("GR-1", FIRST_DELIVERY_AT, false,
                        List.of(received(HOUSINGS, "10", "EA")), beyond(HOUSINGS, null, "10")));
    }

    @Test
    void acceptsAVersionThatSkipsIntermediateOnes() {
        fixture.given(issued())
                .when(amend(4, MORE_BEARINGS, MORE_BEARINGS_TOTAL))
                .expectEvents(amended(4, MORE_BEARINGS, MORE_BEARINGS_TOTAL, standardTotal()));
    }

    @Test
    void reportsThePreviousTotalOfTheVersionItReplaces() {
        List<PurchaseOrderLine> fewerBearings = List.of(bearings("80"), housings("10"));

        fixture.given(issued(), amended(2, MORE_BEARINGS, MORE_BEARINGS_TOTAL, standardTotal()))
                .when(amend(3, fewerBearings, usd("1800.00")))
                .expectEvents(amended(3, fewerBearings, usd("1800.00"), MORE_BEARINGS_TOTAL));
    }

    @Test
    void recordsAnAmendmentOlderThanTheCurrentVersionAsStale() {
        fixture.given(issued(), amended(3, MORE_BEARINGS, MORE_BEARINGS_TOTAL, standardTotal()))
                .when(amend(2, List.of(bearings("50"), housings("10")), usd("1425.00")))
                .expectEvents(new StaleAmendmentRecorded(ORDER, 2, 3, PROCUREMENT, AMENDED_AT))
                .expectResultMessagePayload(outcome(2, StaleAmendmentRecorded.class));
    }

    @Test
    void recordsARepeatedVersionAsStale() {
        fixture.given(issued(), amended(2, MORE_BEARINGS, MORE_BEARINGS_TOTAL, standardTotal()))
                .when(amend(2, MORE_BEARINGS, MORE_BEARINGS_TOTAL))
                .expectEvents(new StaleAmendmentRecorded(ORDER, 2, 2, PROCUREMENT, AMENDED_AT));
    }

    @Test
    void doesNotApplyAStaleAmendment() {
        fixture.givenCommands(issue(),
                        amend(3, MORE_BEARINGS, MORE_BEARINGS_TOTAL),
                        amend(2, List.of(bearings("50"), housings("10")), usd("1425.00")))
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "120", "EA")))
                .expectEvents(goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "120", "EA")));
    }

    @Test
    void rejectsAnAmendmentThatChangesTheCurrency() {
        List<PurchaseOrderLine> euroLines = List.of(line(BEARINGS, "Ball bearing 6204", "100", "EA", "12.50", "EUR"),
                line(HOUSINGS, "Bearing housing", "10", "EA", "80.00", "EUR"));

        fixture.given(issued())
                .when(amend(2, euroLines, Money.of("2050.00", "EUR")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void rejectsAnAmendedTotalTheLinesDoNotAddUpTo() {
        fixture.given(issued())
                .when(amend(2, MORE_BEARINGS, standardTotal()))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.TOTAL_MISMATCH));
    }


    @Test
    void recordsAnAmendmentBelowWhatWasAlreadyReceivedAndNamesTheLine() {
        List<PurchaseOrderLine> reduced = List.of(bearings("50"), housings("10"));

        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(amend(2, reduced, usd("1425.00")))
                .expectEvents(amendedBeyondReceipts(2, reduced, usd("1425.00"), standardTotal(),
                        beyond(BEARINGS, "50", "60")));
    }

    @Test
    void recordsAnAmendmentThatDropsALineWithReceipts() {
        List<PurchaseOrderLine> bearingsOnly = List.of(bearings("100"));

        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(HOUSINGS, "4", "EA")))
                .when(amend(2, bearingsOnly, usd("1250.00")))
                .expectEvents(amendedBeyondReceipts(2, bearingsOnly, usd("1250.00"), standardTotal(),
                        beyond(HOUSINGS, null, "4")));
    }

    @Test
    void aLaterAmendmentThatCoversTheGoodsAgainNamesNothingBeyondTheOrder() {
        List<PurchaseOrderLine> restored = List.of(bearings("60"), housings("10"));

        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")),
                        amendedBeyondReceipts(2, List.of(bearings("50"), housings("10")), usd("1425.00"),
                                standardTotal(), beyond(BEARINGS, "50", "60")))
                .when(amend(3, restored, usd("1550.00")))
                .expectEvents(amended(3, restored, usd("1550.00"), usd("1425.00")));
    }

    @Test
    void acceptsReducingALineToExactlyWhatWasReceived() {
        List<PurchaseOrderLine> reduced = List.of(bearings("60"), housings("10"));

        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(amend(2, reduced, usd("1550.00")))
                .expectEvents(amended(2, reduced, usd("1550.00"), standardTotal()));
    }

    @Test
    void reportsTheOrderFullyReceivedWhenTheNewVersionOrdersNoMoreThanArrived() {
        List<PurchaseOrderLine> reduced = List.of(bearings("60"), housings("10"));

        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA"),
                        received(HOUSINGS, "10", "EA")))
                .when(amend(2, reduced, usd("1550.00")))
                .expectEvents(amended(2, reduced, usd("1550.00"), standardTotal(), true));
    }

    @Test
    void rejectsChangingTheUnitOfALineThatHasReceiptsAsARuleViolation() {
        List<PurchaseOrderLine> bearingsInBoxes = List.of(line(BEARINGS, "Ball bearing 6204", "10", "BOX", "125.00",
                "USD"), housings("10"));

        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(amend(2, bearingsInBoxes, standardTotal()))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }
}
