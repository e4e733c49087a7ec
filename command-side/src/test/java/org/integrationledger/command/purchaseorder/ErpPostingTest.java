package org.integrationledger.command.purchaseorder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.purchaseorder.AcknowledgePurchaseOrderPosting;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.shared.ErpDocumentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/**
 * ERPs acknowledge or refuse the versions they hold, in whatever order their messages arrive, even before
 * procurement has reported the order.
 */
class ErpPostingTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = purchaseOrders();
    }

    @Test
    void recordsThePostingOfAnIssuedOrder() {
        fixture.given(issued())
                .when(acknowledge(ERP_NA, 1))
                .expectEvents(postedInErp(ERP_NA, 1))
                .expectResultMessagePayload(outcome(1, PurchaseOrderPostedInErp.class));
    }

    @Test
    void anAcknowledgmentBeforeTheIssueCreatesTheOrder() {
        fixture.givenNoPriorActivity()
                .when(acknowledge(ERP_NA, 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(postedInErp(ERP_NA, 1))
                .expectResultMessagePayload(outcome(0, PurchaseOrderPostedInErp.class));
    }

    @Test
    void procurementCanStillIssueAnOrderAnErpAcknowledgedFirst() {
        fixture.given(postedInErp(ERP_NA, 1))
                .when(issue())
                .expectEvents(issued())
                .expectResultMessagePayload(outcome(1, PurchaseOrderIssued.class));
    }

    @Test
    void anOrderAcknowledgedFirstAndIssuedLaterTakesReceipts() {
        fixture.givenCommands(acknowledge(ERP_NA, 1), issue())
                .when(receive("GR-1", FIRST_DELIVERY_AT, received(BEARINGS, "100", "EA"), received(HOUSINGS, "10", "EA")))
                .expectEvents(goodsReceived("GR-1", FIRST_DELIVERY_AT, true,
                        received(BEARINGS, "100", "EA"), received(HOUSINGS, "10", "EA")));
    }

    @Test
    void recordsAnAcknowledgmentOfAnOlderVersionThanTheErpAlreadyAcknowledgedAsStale() {
        fixture.given(issued(), amended(2, List.of(bearings("120"), housings("10")), usd("2300.00"), standardTotal()),
                        postedInErp(ERP_NA, 2))
                .when(acknowledge(ERP_NA, 1))
                .expectEvents(stale(1, 2, 2))
                .expectResultMessagePayload(outcome(3, StalePostingAcknowledgmentRecorded.class));
    }

    @Test
    void recordsALateAcknowledgmentOfAnOlderVersionAsStaleBeforeTheErpAcknowledgedTheNewerOne() {
        fixture.given(issued(), amended(2, List.of(bearings("120"), housings("10")), usd("2300.00"), standardTotal()))
                .when(acknowledge(ERP_NA, 1))
                .expectEvents(stale(1, 2, null))
                .expectResultMessagePayload(outcome(2, StalePostingAcknowledgmentRecorded.class));
    }

    @Test
    void keepsWhatTheErpSaidItHoldsOnAStaleAcknowledgment() {
        fixture.given(issued(), amended(2, List.of(bearings("120"), housings("10")), usd("2300.00"), standardTotal()))
                .when(new AcknowledgePurchaseOrderPosting(newMessageId(), ERP_NA, POSTED_AT, ORDER, 1, "4500012345",
                        standardTotal(), ErpDocumentStatus.OPEN))
                .expectEvents(new StalePostingAcknowledgmentRecorded(ORDER, "4500012345", 1, 2, null,
                        standardTotal(), ErpDocumentStatus.OPEN, ERP_NA, POSTED_AT));
    }

    @Test
    void anotherErpsLateAcknowledgmentOfAnOlderVersionIsStaleToo() {
        fixture.given(issued(), amended(2, List.of(bearings("120"), housings("10")), usd("2300.00"), standardTotal()),
                        postedInErp(ERP_NA, 2))
                .when(acknowledge(ERP_EMEA, 1))
                .expectEvents(new StalePostingAcknowledgmentRecorded(ORDER, "4700098765", 1, 2, null, null, null,
                        ERP_EMEA, POSTED_AT));
    }

    @Test
    void anAcknowledgmentOfTheCurrentVersionIsNotStale() {
        fixture.given(issued(), amended(2, List.of(bearings("120"), housings("10")), usd("2300.00"), standardTotal()))
                .when(acknowledge(ERP_NA, 2))
                .expectEvents(postedInErp(ERP_NA, 2));
    }

    @Test
    void recognisesAStaleAcknowledgmentBeforeProcurementReportedTheOrder() {
        fixture.given(postedInErp(ERP_NA, 2))
                .when(acknowledge(ERP_NA, 1))
                .expectEvents(stale(1, null, 2));
    }

    @Test
    void recordsANewerVersionAfterAnOlderOne() {
        fixture.given(postedInErp(ERP_NA, 1))
                .when(acknowledge(ERP_NA, 2))
                .expectEvents(postedInErp(ERP_NA, 2));
    }

    @Test
    void anAcknowledgmentOfTheVersionAlreadyAcknowledgedIsNotStale() {
        fixture.given(postedInErp(ERP_NA, 2))
                .when(acknowledge(ERP_NA, 2))
                .expectEvents(postedInErp(ERP_NA, 2));
    }

    @Test
    void eachErpIsJudgedByWhatItAcknowledgedItself() {
        fixture.given(postedInErp(ERP_NA, 2))
                .when(acknowledge(ERP_EMEA, 1))
                .expectEvents(postedInErp(ERP_EMEA, 1));
    }

    @Test
    void remembersTheHighestVersionAnErpAcknowledged() {
        fixture.givenCommands(acknowledge(ERP_NA, 3), acknowledge(ERP_NA, 2))
                .when(acknowledge(ERP_NA, 2))
                .expectEvents(stale(2, null, 3));
    }

    @Test
    void recordsARejectedPosting() {
        fixture.given(issued())
                .when(rejectPosting(ERP_NA, 1))
                .expectEvents(postingRejected(ERP_NA, 1))
                .expectResultMessagePayload(outcome(1, PurchaseOrderPostingRejected.class));
    }

    @Test
    void aRejectedPostingBeforeTheIssueCreatesTheOrder() {
        fixture.givenNoPriorActivity()
                .when(rejectPosting(ERP_NA, 1))
                .expectEvents(postingRejected(ERP_NA, 1));
    }

    @Test
    void anErpCanPostAVersionItRejectedBefore() {
        fixture.given(issued(), postingRejected(ERP_NA, 1))
                .when(acknowledge(ERP_NA, 1))
                .expectEvents(postedInErp(ERP_NA, 1));
    }

    @Test
    void aCancelledOrderStillRecordsWhatTheErpReports() {
        fixture.given(issued(), cancelled())
                .when(acknowledge(ERP_NA, 1))
                .expectEvents(postedInErp(ERP_NA, 1));
    }

    private static StalePostingAcknowledgmentRecorded stale(int version, Integer current, Integer alreadyAcknowledged) {
        return new StalePostingAcknowledgmentRecorded(ORDER, "4500012345", version, current, alreadyAcknowledged,
                null, null, ERP_NA, POSTED_AT);
    }
}
