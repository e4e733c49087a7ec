package org.integrationledger.command.purchaseorder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.PostGoodsReceiptInErp;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/**
 * The routed ERP reports that it posted a goods receipt: the fact the accrual needs to tell a receipt in the ERP's
 * GR/IR account from one only the warehouse knows. Recorded as reported; an unknown receipt or another ERP is
 * flagged on the event, never refused.
 */
class PostingGoodsReceiptsInErpTest {

    private static final Instant ERP_POSTED_AT = FIRST_DELIVERY_AT.plusSeconds(3_600);

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = purchaseOrders();
    }

    @Test
    void theRoutedErpPostsAReceiptTheLedgerKnows() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(post(ERP_NA, "GR-1"))
                .expectEvents(posted(ERP_NA, "GR-1", true, false))
                .expectResultMessagePayload(outcome(2, GoodsReceiptPostedInErp.class));
    }

    @Test
    void aReceiptTheLedgerHasNotHeardOfIsRecordedAndFlaggedUnknown() {
        // The warehouse's message may still be on its way: the ERP's fact is kept, not refused.
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(post(ERP_NA, "GR-2"))
                .expectEvents(posted(ERP_NA, "GR-2", false, false));
    }

    @Test
    void anErpTheOrderIsNotRoutedToIsRecordedAndFlagged() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")))
                .when(post(ERP_EMEA, "GR-1"))
                .expectEvents(posted(ERP_EMEA, "GR-1", true, true));
    }

    @Test
    void aClosedOrderStillTakesThePostingOfGoodsThatArrivedBefore() {
        fixture.given(issued(), goodsReceived("GR-1", FIRST_DELIVERY_AT, false, received(BEARINGS, "60", "EA")),
                        closed())
                .when(post(ERP_NA, "GR-1"))
                .expectEvents(posted(ERP_NA, "GR-1", true, false));
    }

    @Test
    void anOrderProcurementHasNotIssuedIsRefused() {
        fixture.given(postedInErp(ERP_NA, 1))
                .when(post(ERP_NA, "GR-1"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_NOT_ISSUED));
    }

    private static PostGoodsReceiptInErp post(SystemId erp, String receiptNumber) {
        return new PostGoodsReceiptInErp(newMessageId(), erp, ERP_POSTED_AT, ORDER, receiptNumber, "5000001234");
    }

    private static GoodsReceiptPostedInErp posted(SystemId erp, String receiptNumber, boolean known,
                                                  boolean notRouted) {
        return new GoodsReceiptPostedInErp(ORDER, receiptNumber, "5000001234", known, notRouted, erp, ERP_POSTED_AT);
    }
}
