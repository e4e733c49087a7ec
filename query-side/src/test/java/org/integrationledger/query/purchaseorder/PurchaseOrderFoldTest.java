package org.integrationledger.query.purchaseorder;

import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.fold.FoldFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.query.fold.FoldFixture.recorded;

/** The purchase-order view's fold: given these events, where the order stands in procurement and in its ERP. */
class PurchaseOrderFoldTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");

    private final FoldFixture<PurchaseOrderEvent, PurchaseOrderState> fixture = FoldFixture.of(new PurchaseOrderFold());

    @Test
    void anApprovedRequisitionIsTheFirstSignOfAnOrderAndNamesItsLegalEntity() {
        PurchaseOrderSummary order = given(requisitionApproved("DE01"));

        assertThat(order.procurementStatus()).isEqualTo(ProcurementStatus.REQUISITION_APPROVED);
        assertThat(order.legalEntity()).isEqualTo(LegalEntityId.of("DE01"));
        assertThat(order.erpStatus()).isEqualTo(ErpPostingStatus.NOT_POSTED);
        assertThat(order.erpBehindProcurement()).isFalse();
    }

    @Test
    void aRequisitionApprovedAfterTheOrderWasIssuedChangesNothingButActivity() {
        PurchaseOrderSummary order = given(issued(), requisitionApproved("DE01"));

        assertThat(order.procurementStatus()).isEqualTo(ProcurementStatus.ISSUED);
        assertThat(order.legalEntity()).isEqualTo(LegalEntityId.of("US01"));
        assertThat(order.eventCount()).isEqualTo(2);
    }

    @Test
    void anIssuedOrderNamesSupplierRoutingVersionAndTotal() {
        PurchaseOrderSummary order = given(issued());

        assertThat(order.procurementStatus()).isEqualTo(ProcurementStatus.ISSUED);
        assertThat(order.supplier()).isEqualTo(SupplierId.of("SUP-1"));
        assertThat(order.routedTo()).isEqualTo(ERP_NA);
        assertThat(order.procurementVersion()).isEqualTo(1);
        assertThat(order.total()).isEqualTo(Money.of("100.00", "USD"));
    }

    @Test
    void flagsTheErpBehindUntilItAcknowledgesTheCurrentVersion() {
        assertThat(given(issued()).erpBehindProcurement()).isTrue();
        assertThat(given(posted(1, "4500000001")).erpBehindProcurement()).isFalse();

        PurchaseOrderSummary amended = given(amended(false));

        assertThat(amended.erpBehindProcurement()).isTrue();
        assertThat(amended.erpStatus()).isEqualTo(ErpPostingStatus.POSTED);
        assertThat(amended.total()).isEqualTo(Money.of("150.00", "USD"));
    }

    @Test
    void anAmendmentThatOrdersMoreReopensAReceivedOrder() {
        PurchaseOrderSummary order = given(issued(), received(true), amended(false));

        assertThat(order.procurementStatus()).isEqualTo(ProcurementStatus.PARTIALLY_RECEIVED);
    }

    @Test
    void anAmendmentThatOrdersLessCompletesAPartlyReceivedOrder() {
        PurchaseOrderSummary order = given(issued(), received(false), amended(true));

        assertThat(order.procurementStatus()).isEqualTo(ProcurementStatus.RECEIVED);
    }

    @Test
    void anAmendmentDoesNotMarkAnOrderWithoutReceiptsReceived() {
        PurchaseOrderSummary order = given(issued(), amended(true));

        assertThat(order.procurementStatus()).isEqualTo(ProcurementStatus.ISSUED);
        assertThat(order.procurementVersion()).isEqualTo(2);
    }

    @Test
    void aStaleAmendmentOnlyCountsAsActivity() {
        PurchaseOrderSummary before = given(issued());
        PurchaseOrderSummary after = given(new StaleAmendmentRecorded(ORDER, 1, 1, PROCUREMENT, NINE));

        assertThat(after.procurementVersion()).isEqualTo(before.procurementVersion());
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.eventCount()).isEqualTo(2);
    }

    @Test
    void aRejectionByTheErpIsShownWithItsReasonAndAPostingClearsIt() {
        PurchaseOrderSummary rejected = given(issued(), rejected(1));

        assertThat(rejected.erpStatus()).isEqualTo(ErpPostingStatus.REJECTED);
        assertThat(rejected.erpSystem()).isEqualTo(ERP_NA);
        assertThat(rejected.erpRejectionReason()).isEqualTo("VENDOR_BLOCKED: blocked");

        PurchaseOrderSummary posted = given(posted(1, "4500000001"));

        assertThat(posted.erpStatus()).isEqualTo(ErpPostingStatus.POSTED);
        assertThat(posted.erpRejectionReason()).isNull();
    }

    @Test
    void ignoresARejectionOfAVersionOlderThanTheOneTheErpHolds() {
        PurchaseOrderSummary order = given(issued(), amended(false), posted(2, "4500000002"), rejected(1));

        assertThat(order.erpStatus()).isEqualTo(ErpPostingStatus.POSTED);
        assertThat(order.erpVersion()).isEqualTo(2);
        assertThat(order.erpRejectionReason()).isNull();
    }

    @Test
    void aLateAcknowledgmentOfAnOlderVersionShowsTheErpHoldingItLabelledStale() {
        PurchaseOrderSummary order = given(issued(), amended(false), staleAcknowledgment(1));

        assertThat(order.erpStatus()).isEqualTo(ErpPostingStatus.POSTED);
        assertThat(order.erpSystem()).isEqualTo(ERP_NA);
        assertThat(order.erpVersion()).isEqualTo(1);
        assertThat(order.erpDocumentNumber()).isEqualTo("4500000001");
        assertThat(order.erpBehindProcurement()).isTrue();
        assertThat(order.staleAcknowledgments()).isEqualTo(1);
    }

    @Test
    void aLateAcknowledgmentNeverMovesTheErpBack() {
        PurchaseOrderSummary order = given(issued(), amended(false), posted(2, "4500000002"), staleAcknowledgment(1));

        assertThat(order.erpVersion()).isEqualTo(2);
        assertThat(order.erpDocumentNumber()).isEqualTo("4500000002");
        assertThat(order.erpBehindProcurement()).isFalse();
        assertThat(order.staleAcknowledgments()).isEqualTo(1);
    }

    @Test
    void receiptsCancellationAndClosureSetTheProcurementStatus() {
        assertThat(given(issued(), received(false)).procurementStatus())
                .isEqualTo(ProcurementStatus.PARTIALLY_RECEIVED);
        assertThat(given(received(true)).procurementStatus()).isEqualTo(ProcurementStatus.RECEIVED);
        assertThat(given(new PurchaseOrderClosed(ORDER, ClosureReason.COMPLETED, PROCUREMENT, NINE))
                .procurementStatus()).isEqualTo(ProcurementStatus.CLOSED);
        assertThat(given(new PurchaseOrderCancelled(ORDER, "duplicate", PROCUREMENT, NINE)).procurementStatus())
                .isEqualTo(ProcurementStatus.CANCELLED);
    }

    @Test
    void keepsTheLatestBusinessTimeWhenMessagesArriveOutOfOrder() {
        fixture.recordedAt(NINE.plusSeconds(120), issued(NINE.plusSeconds(60)));
        fixture.recordedAt(NINE.plusSeconds(180), received(true));

        PurchaseOrderSummary order = fixture.state("PO-1").toSummary();

        assertThat(order.lastBusinessTime()).isEqualTo(NINE.plusSeconds(60));
        assertThat(order.lastRecordedAt()).isEqualTo(NINE.plusSeconds(180));
        assertThat(order.eventCount()).isEqualTo(2);
    }

    @Test
    void eachEventIsRecordedAtItsOwnTime() {
        PurchaseOrderSummary order = given(issued(), posted(1, "4500000001"));

        assertThat(order.lastRecordedAt()).isEqualTo(recorded(1));
    }

    private PurchaseOrderSummary given(PurchaseOrderEvent... events) {
        return fixture.given(events).state("PO-1").toSummary();
    }

    private static RequisitionApproved requisitionApproved(String legalEntity) {
        return new RequisitionApproved(ORDER, "REQ-1", "approver", LegalEntityId.of(legalEntity), PROCUREMENT, NINE);
    }

    private static PurchaseOrderIssued issued() {
        return issued(NINE);
    }

    private static PurchaseOrderIssued issued(Instant at) {
        return new PurchaseOrderIssued(ORDER, SupplierId.of("SUP-1"), LegalEntityId.of("US01"), ERP_NA, "REQ-1",
                List.of(), Money.of("100.00", "USD"), 1,
                new RoutingDecision(LegalEntityId.of("US01"), ERP_NA, "US_SALES_USE_TAX", "NA", 1), PROCUREMENT, at);
    }

    private static PurchaseOrderAmended amended(boolean fullyReceived) {
        return new PurchaseOrderAmended(ORDER, 2, List.of(), Money.of("150.00", "USD"), Money.of("100.00", "USD"),
                "change", fullyReceived, PROCUREMENT, NINE.plusSeconds(60));
    }

    private static PurchaseOrderPostedInErp posted(int version, String documentNumber) {
        return new PurchaseOrderPostedInErp(ORDER, documentNumber, version, null, null, ERP_NA, NINE.plusSeconds(90));
    }

    private static PurchaseOrderPostingRejected rejected(int version) {
        return new PurchaseOrderPostingRejected(ORDER, version, "VENDOR_BLOCKED", "blocked", ERP_NA,
                NINE.plusSeconds(100));
    }

    private static GoodsReceived received(boolean fully) {
        return new GoodsReceived(ORDER, "GR-1", List.of(), fully, PROCUREMENT, NINE.plusSeconds(30));
    }

    private static StalePostingAcknowledgmentRecorded staleAcknowledgment(int version) {
        return new StalePostingAcknowledgmentRecorded(ORDER, "4500000001", version, 2, null, null, null, ERP_NA,
                NINE.plusSeconds(120));
    }
}
