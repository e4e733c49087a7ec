package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.shared.ErpDocumentStatus;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The divergence rules for purchase orders, event by event, in both arrival orders. */
class PurchaseOrderReconciliationTest {

    private ReconciliationFixture fixture;

    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");
    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final SystemRegions REGIONS = SystemRegions.of(Map.of("ERP_NA", "NA", "ERP_EMEA", "EMEA"));

    @Test
    void anIssuedOrderIsNotAcknowledgedByItsErpSinceItWasIssued() {
        DocumentState order = replay(issued());
        assertThat(order.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::system,
                OpenDivergence::since).containsExactly(org.assertj.core.groups.Tuple.tuple(
                Divergence.NOT_ACKNOWLEDGED, "ERP_NA", NINE));
        assertThat(order.region()).isEqualTo("NA");
    }

    @Test
    void anAmendmentPutsThePostedErpAVersionBehindUntilItPostsTheNewVersion() {
        DocumentState order = replay(issued(), posted(ERP_NA, 1, null, null, 600),
                amended(2, "2675.00", 3600));
        assertThat(flags(order)).containsExactly("VERSION_BEHIND@ERP_NA");
        assertThat(order.divergences().values().iterator().next().since()).isEqualTo(NINE.plusSeconds(3600));
        order = then(posted(ERP_NA, 2, null, null, 4000));
        assertThat(flags(order)).isEmpty();
    }

    @Test
    void theSameFactsGiveTheSameDivergencesWhateverTheArrivalOrder() {
        List<PurchaseOrderEvent> events = List.of(issued(), posted(ERP_EMEA, 1, "2050.00", null, 600),
                posted(ERP_NA, 1, "2000.00", null, 700));
        List<PurchaseOrderEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        assertThat(flags(replay(reversed.toArray(PurchaseOrderEvent[]::new))))
                .containsExactlyInAnyOrderElementsOf(flags(replay(events.toArray(PurchaseOrderEvent[]::new))))
                .containsExactlyInAnyOrder("WRONG_SYSTEM@ERP_EMEA", "AMOUNT_MISMATCH@ERP_NA");
    }

    @Test
    void anAcknowledgmentBeforeTheIssueIsKnownOnlyDownstream() {
        DocumentState order = replay(posted(ERP_NA, 1, null, null, 600));
        assertThat(flags(order)).containsExactly("KNOWN_ONLY_DOWNSTREAM@ERP_NA");
        order = then(issued());
        assertThat(flags(order)).isEmpty();
    }

    @Test
    void anOrderKnownOnlyDownstreamNamesEachSystemThatReportedItAndItsRegion() {
        DocumentState order = replay(posted(ERP_NA, 1, null, null, 600),
                new PurchaseOrderPostingRejected(ORDER, 1, "BLOCKED", "vendor blocked", ERP_EMEA, NINE.plusSeconds(700)));
        assertThat(order.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::system,
                OpenDivergence::region).containsExactlyInAnyOrder(
                tuple(Divergence.KNOWN_ONLY_DOWNSTREAM, "ERP_NA", "NA"),
                tuple(Divergence.KNOWN_ONLY_DOWNSTREAM, "ERP_EMEA", "EMEA"));
    }

    @Test
    void everyDivergenceOfAnOrderNamesItsSystemAndRegion() {
        DocumentState order = replay(issued(), posted(ERP_EMEA, 1, null, null, 600),
                posted(ERP_NA, 1, "2000.00", null, 700), amended(2, "2050.00", 800),
                new PurchaseOrderPostingRejected(ORDER, 2, "BLOCKED", "vendor blocked", ERP_NA, NINE.plusSeconds(900)),
                new PurchaseOrderCancelled(ORDER, "project stopped", PROCUREMENT, NINE.plusSeconds(1000)));
        DocumentState open = replay(issued());
        List<OpenDivergence> all = new ArrayList<>(order.divergences().values());
        all.addAll(open.divergences().values());
        all.addAll(replay(issued(), posted(ERP_NA, 1, null, null, 600), amended(2, "2675.00", 3600))
                .divergences().values());
        assertThat(all).extracting(OpenDivergence::flag).contains(Divergence.NOT_ACKNOWLEDGED,
                Divergence.VERSION_BEHIND, Divergence.WRONG_SYSTEM, Divergence.REJECTED, Divergence.STATUS_MISMATCH);
        assertThat(all).allSatisfy(divergence -> {
            assertThat(divergence.system()).isNotBlank();
            assertThat(divergence.region()).isEqualTo("NA");
        });
    }

    @Test
    void aLateAcknowledgmentOfAnOlderVersionShowsTheErpHoldingItLabelledStale() {
        DocumentState order = replay(issued(), amended(2, "2675.00", 3600), stale(ERP_NA, 1, 4000));

        SystemRow erp = order.systems().get("ERP_NA");
        assertThat(erp.state()).isEqualTo(PositionState.STALE);
        assertThat(erp.version()).isEqualTo(1);
        assertThat(order.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::system,
                OpenDivergence::detail).containsExactly(tuple(Divergence.VERSION_BEHIND, "ERP_NA",
                "ERP_NA holds version 1, procurement is at version 2 (acknowledged late, after a newer version existed)"));

        order = then(posted(ERP_NA, 2, null, null, 5000));
        assertThat(order.systems().get("ERP_NA").state()).isEqualTo(PositionState.POSTED);
        assertThat(flags(order)).isEmpty();
    }

    @Test
    void aLateAcknowledgmentNeverMovesTheErpBack() {
        DocumentState order = replay(issued(), amended(2, "2675.00", 3600), posted(ERP_NA, 2, null, null, 4000),
                stale(ERP_NA, 1, 5000));

        SystemRow erp = order.systems().get("ERP_NA");
        assertThat(erp.state()).isEqualTo(PositionState.POSTED);
        assertThat(erp.version()).isEqualTo(2);
        assertThat(erp.businessTime()).isEqualTo(NINE.plusSeconds(4000));
        assertThat(flags(order)).isEmpty();
    }

    @Test
    void aCancellationTheErpHasNotReportedIsAStatusMismatch() {
        DocumentState order = replay(issued(), posted(ERP_NA, 1, null, null, 600),
                new PurchaseOrderCancelled(ORDER, "project stopped", PROCUREMENT, NINE.plusSeconds(7200)));
        assertThat(flags(order)).containsExactly("STATUS_MISMATCH@ERP_NA");
        order = then(posted(ERP_NA, 1, null, ErpDocumentStatus.CANCELLED, 8000));
        assertThat(flags(order)).isEmpty();
    }

    @Test
    void aRefusalIsFlaggedUntilTheErpPostsTheVersion() {
        DocumentState order = replay(issued(), new PurchaseOrderPostingRejected(ORDER, 1, "BLOCKED",
                "vendor blocked", ERP_NA, NINE.plusSeconds(600)));
        assertThat(flags(order)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "REJECTED@ERP_NA");
        order = then(posted(ERP_NA, 1, null, null, 900));
        assertThat(flags(order)).isEmpty();
    }

    @Test
    void aGoodsReceiptFromAnErpTheOrderIsNotRoutedToIsFlaggedOnThatErp() {
        DocumentState order = replay(issued(), posted(ERP_NA, 1, null, null, 600), received(PROCUREMENT, 900),
                received(ERP_NA, 1000));
        assertThat(flags(order)).as("receipts from procurement and the routed ERP").isEmpty();

        order = then(received(ERP_EMEA, 1200));

        assertThat(flags(order)).containsExactly("WRONG_SYSTEM@ERP_EMEA");
        assertThat(order.systems().get("ERP_EMEA").state()).isEqualTo(PositionState.RECEIPT_REPORTED);
        assertThat(order.systems().get("ERP_NA").state()).as("the routed ERP's position is its posting").isEqualTo(PositionState.POSTED);
    }

    @Test
    void aDivergenceKeepsTheStartItHadWhileItStaysOpen() {
        DocumentState order = replay(issued(), posted(ERP_NA, 1, null, null, 600),
                amended(2, "2675.00", 3600));
        order = then(amended(3, "2800.00", 7200));
        assertThat(order.divergences().values()).singleElement().extracting(OpenDivergence::since)
                .isEqualTo(NINE.plusSeconds(3600));
    }

    @Test
    void anApprovedRequisitionIsProcurementsUntilTheOrderIsIssued() {
        DocumentState order = replay(new RequisitionApproved(ORDER, "REQ-1", "manager", LegalEntityId.of("US01"),
                PROCUREMENT, NINE.minusSeconds(600)));

        assertThat(order.status()).isEqualTo(DocumentStatus.REQUISITION_APPROVED);
        assertThat(order.legalEntity()).isEqualTo("US01");
        assertThat(order.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.REQUISITION_APPROVED);
        assertThat(order.systems().get("PROCUREMENT").role()).isEqualTo(SystemRole.SOURCE);
        assertThat(flags(order)).isEmpty();

        order = then(issued());

        assertThat(order.status()).isEqualTo(DocumentStatus.ISSUED);
        assertThat(order.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.ISSUED);
        assertThat(order.systems().get("ERP_NA").state()).as("the routed ERP, silent so far")
                .isEqualTo(PositionState.PENDING);
        assertThat(order.systems().get("ERP_NA").role()).isEqualTo(SystemRole.ROUTED);
        assertThat(order.firstBusinessTime()).isEqualTo(NINE.minusSeconds(600));
    }

    @Test
    void theOrderCarriesProcurementsTotalVersionAndRouting() {
        DocumentState order = replay(issued(), amended(2, "2675.00", 3600));

        assertThat(order.status()).isEqualTo(DocumentStatus.AMENDED);
        assertThat(order.currentVersion()).isEqualTo(2);
        assertThat(order.amount()).isEqualByComparingTo("2675.00");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.routedTo()).isEqualTo("ERP_NA");
        assertThat(order.routingRuleVersion()).isEqualTo(1);
        assertThat(order.supplierId()).isEqualTo("SUP-1");
        assertThat(order.toEntry(NINE.plusSeconds(7200)).amount()).isEqualTo(Money.of("2675.00", "USD"));
    }

    @Test
    void anotherCurrencyForTheSameVersionIsAnAmountMismatch() {
        DocumentState order = replay(issued(), new PurchaseOrderPostedInErp(ORDER, "4500", 1,
                Money.of("2050.00", "EUR"), null, ERP_NA, NINE.plusSeconds(600)));

        assertThat(order.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::detail)
                .containsExactly(tuple(Divergence.AMOUNT_MISMATCH, "ERP_NA holds 2050.00 EUR, procurement 2050.00 USD"));
    }

    @Test
    void theTotalOfAnOlderVersionIsNotComparedOnlyItsVersion() {
        DocumentState order = replay(issued(), amended(2, "2675.00", 3600), posted(ERP_NA, 1, "2050.00", null, 4000));

        assertThat(flags(order)).containsExactly("VERSION_BEHIND@ERP_NA");
    }

    @Test
    void aClosedOrderAwaitsNothingButMustBeClosedInTheErpToo() {
        DocumentState order = replay(issued(),
                new PurchaseOrderClosed(ORDER, ClosureReason.COMPLETED, PROCUREMENT, NINE.plusSeconds(600)));

        assertThat(order.status()).isEqualTo(DocumentStatus.CLOSED);
        assertThat(flags(order)).as("nothing is expected of the ERP any more").isEmpty();

        order = then(posted(ERP_NA, 1, null, ErpDocumentStatus.OPEN, 900));

        assertThat(order.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::detail)
                .containsExactly(tuple(Divergence.STATUS_MISMATCH, "procurement: CLOSED, ERP_NA: OPEN"));

        order = then(posted(ERP_NA, 1, null, ErpDocumentStatus.CLOSED, 1200));

        assertThat(flags(order)).isEmpty();
    }

    @Test
    void anOrderCancelledInTheErpWhileOpenInProcurementIsAStatusMismatch() {
        DocumentState order = replay(issued(), posted(ERP_NA, 1, null, ErpDocumentStatus.CANCELLED, 600));

        assertThat(order.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::detail)
                .containsExactly(tuple(Divergence.STATUS_MISMATCH, "procurement: ISSUED, ERP_NA: CANCELLED"));
    }

    @Test
    void aStaleAmendmentChangesNoPositionOnlyTheActivity() {
        DocumentState order = replay(issued(), amended(2, "2675.00", 3600));
        DocumentState after = then(new StaleAmendmentRecorded(ORDER, 1, 2, PROCUREMENT, NINE.plusSeconds(4000)));

        assertThat(after.systems().get("PROCUREMENT")).isEqualTo(order.systems().get("PROCUREMENT"));
        assertThat(after.currentVersion()).isEqualTo(2);
        assertThat(after.amount()).isEqualByComparingTo("2675.00");
        assertThat(after.divergences()).isEqualTo(order.divergences());
        assertThat(after.lastBusinessTime()).isEqualTo(NINE.plusSeconds(4000));
    }

    @Test
    void applyingAnEventLeavesTheStateItWasGivenAsItWas() {
        DocumentState issued = replay(issued());
        String before = issued.canonical();

        DocumentState posted = then(posted(ERP_NA, 1, null, null, 600));

        assertThat(issued.canonical()).isEqualTo(before);
        assertThat(issued.systems().get("ERP_NA").state()).isEqualTo(PositionState.PENDING);
        assertThat(posted.systems().get("ERP_NA").state()).isEqualTo(PositionState.POSTED);
    }

    @Test
    void anErpThatPostedBeforeTheIssueTakesTheRoleTheRoutingGivesIt() {
        DocumentState order = replay(posted(ERP_NA, 1, null, null, 600), posted(ERP_EMEA, 1, null, null, 700));

        order = then(issued());

        assertThat(order.systems().get("ERP_NA").role()).isEqualTo(SystemRole.ROUTED);
        assertThat(order.systems().get("ERP_NA").state()).isEqualTo(PositionState.POSTED);
        assertThat(order.systems().get("ERP_EMEA").role()).isEqualTo(SystemRole.OTHER);
        assertThat(flags(order)).containsExactly("WRONG_SYSTEM@ERP_EMEA");
    }

    /** A fresh view given these events: the order as it stands. */
    private DocumentState replay(PurchaseOrderEvent... events) {
        fixture = new ReconciliationFixture(REGIONS).given((Object[]) events);
        return fixture.document(DocumentType.PURCHASE_ORDER, ORDER.value());
    }

    /** The same view given one more event. */
    private DocumentState then(PurchaseOrderEvent event) {
        return fixture.given(event).document(DocumentType.PURCHASE_ORDER, ORDER.value());
    }

    private static List<String> flags(DocumentState order) {
        return order.divergences().values().stream()
                .map(d -> d.flag() + (d.system().isEmpty() ? "" : "@" + d.system())).toList();
    }

    private static PurchaseOrderIssued issued() {
        return new PurchaseOrderIssued(ORDER, SupplierId.of("SUP-1"), LegalEntityId.of("US01"), ERP_NA, "REQ-1",
                List.of(), Money.of("2050.00", "USD"), 1,
                new RoutingDecision(LegalEntityId.of("US01"), ERP_NA, "US_SALES_USE_TAX", "NA", 1), PROCUREMENT, NINE);
    }

    private static PurchaseOrderAmended amended(int version, String total, long atSecond) {
        return new PurchaseOrderAmended(ORDER, version, List.of(), Money.of(total, "USD"), Money.of("2050.00", "USD"),
                "change", false, PROCUREMENT, NINE.plusSeconds(atSecond));
    }

    private static GoodsReceived received(SystemId system, long atSecond) {
        return new GoodsReceived(ORDER, "GR-" + atSecond, List.of(new ReceiptLine(1, Quantity.of("1", "EA"))), false,
                system, NINE.plusSeconds(atSecond));
    }

    private static StalePostingAcknowledgmentRecorded stale(SystemId erp, int version, long atSecond) {
        return new StalePostingAcknowledgmentRecorded(ORDER, erp.value() + "-DOC", version, 2, null, null, null, erp,
                NINE.plusSeconds(atSecond));
    }

    private static PurchaseOrderPostedInErp posted(SystemId erp, int version, String total, ErpDocumentStatus status,
                                                   long atSecond) {
        return new PurchaseOrderPostedInErp(ORDER, erp.value() + "-DOC", version,
                total == null ? null : Money.of(total, "USD"), status, erp, NINE.plusSeconds(atSecond));
    }
}
