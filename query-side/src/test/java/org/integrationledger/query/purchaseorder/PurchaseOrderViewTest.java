package org.integrationledger.query.purchaseorder;

import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The view row's own logic: where an order stands, and when procurement and ERP disagree. */
class PurchaseOrderViewTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");

    private final PurchaseOrderView view = new PurchaseOrderView("PO-1");

    @Test
    void flagsTheErpBehindUntilItAcknowledgesTheCurrentVersion() {
        view.issued("SUP-1", "US01", "ERP_NA", 1, Money.of("100.00", "USD"));
        view.touched(NINE, NINE);
        assertThat(view.toSummary().erpBehindProcurement()).isTrue();

        view.postedInErp("ERP_NA", 1, "4500000001");
        assertThat(view.toSummary().erpBehindProcurement()).isFalse();

        view.amended(2, Money.of("150.00", "USD"), false);
        assertThat(view.toSummary().erpBehindProcurement()).isTrue();
        assertThat(view.toSummary().erpStatus()).isEqualTo(ErpPostingStatus.POSTED);
    }

    @Test
    void anAmendmentThatOrdersMoreReopensAReceivedOrder() {
        view.issued("SUP-1", "US01", "ERP_NA", 1, Money.of("100.00", "USD"));
        view.received(true);
        view.touched(NINE, NINE);

        view.amended(2, Money.of("150.00", "USD"), false);

        assertThat(view.toSummary().procurementStatus()).isEqualTo(ProcurementStatus.PARTIALLY_RECEIVED);
    }

    @Test
    void anAmendmentDoesNotMarkAnOrderWithoutReceiptsReceived() {
        view.issued("SUP-1", "US01", "ERP_NA", 1, Money.of("100.00", "USD"));
        view.touched(NINE, NINE);

        view.amended(2, Money.of("50.00", "USD"), false);

        assertThat(view.toSummary().procurementStatus()).isEqualTo(ProcurementStatus.ISSUED);
    }

    @Test
    void ignoresARejectionOfAVersionOlderThanTheOneTheErpHolds() {
        view.issued("SUP-1", "DE01", "ERP_EMEA", 1, Money.of("100.00", "EUR"));
        view.postedInErp("ERP_EMEA", 2, "EM-1");
        view.touched(NINE, NINE);

        view.postingRejected("ERP_EMEA", 1, "VENDOR_BLOCKED: blocked");

        PurchaseOrderSummary summary = view.toSummary();
        assertThat(summary.erpStatus()).isEqualTo(ErpPostingStatus.POSTED);
        assertThat(summary.erpRejectionReason()).isNull();
    }

    @Test
    void aLateAcknowledgmentOfAnOlderVersionShowsTheErpHoldingItLabelledStale() {
        view.apply(issued(), NINE);
        view.apply(amended(), NINE.plusSeconds(60));

        view.apply(staleAcknowledgment(1), NINE.plusSeconds(120));

        PurchaseOrderSummary summary = view.toSummary();
        assertThat(summary.erpStatus()).isEqualTo(ErpPostingStatus.POSTED);
        assertThat(summary.erpSystem()).isEqualTo(ERP_NA);
        assertThat(summary.erpVersion()).isEqualTo(1);
        assertThat(summary.erpDocumentNumber()).isEqualTo("4500000001");
        assertThat(summary.erpBehindProcurement()).isTrue();
        assertThat(summary.staleAcknowledgments()).isEqualTo(1);
    }

    @Test
    void aLateAcknowledgmentNeverMovesTheErpBack() {
        view.apply(issued(), NINE);
        view.apply(amended(), NINE.plusSeconds(60));
        view.apply(new PurchaseOrderPostedInErp(ORDER, "4500000002", 2, null, null, ERP_NA, NINE.plusSeconds(90)),
                NINE.plusSeconds(90));

        view.apply(staleAcknowledgment(1), NINE.plusSeconds(120));

        PurchaseOrderSummary summary = view.toSummary();
        assertThat(summary.erpVersion()).isEqualTo(2);
        assertThat(summary.erpDocumentNumber()).isEqualTo("4500000002");
        assertThat(summary.erpBehindProcurement()).isFalse();
        assertThat(summary.staleAcknowledgments()).isEqualTo(1);
    }

    @Test
    void keepsTheLatestBusinessTimeWhenMessagesArriveOutOfOrder() {
        view.touched(NINE.plusSeconds(60), NINE.plusSeconds(120));
        view.touched(NINE, NINE.plusSeconds(180));

        assertThat(view.toSummary().lastBusinessTime()).isEqualTo(NINE.plusSeconds(60));
        assertThat(view.toSummary().lastRecordedAt()).isEqualTo(NINE.plusSeconds(180));
        assertThat(view.toSummary().eventCount()).isEqualTo(2);
    }

    private static PurchaseOrderIssued issued() {
        return new PurchaseOrderIssued(ORDER, SupplierId.of("SUP-1"), LegalEntityId.of("US01"), ERP_NA, "REQ-1",
                List.of(), Money.of("100.00", "USD"), 1,
                new RoutingDecision(LegalEntityId.of("US01"), ERP_NA, "US_SALES_USE_TAX", "NA", 1), PROCUREMENT, NINE);
    }

    private static PurchaseOrderAmended amended() {
        return new PurchaseOrderAmended(ORDER, 2, List.of(), Money.of("150.00", "USD"), Money.of("100.00", "USD"),
                "change", false, PROCUREMENT, NINE.plusSeconds(60));
    }

    private static StalePostingAcknowledgmentRecorded staleAcknowledgment(int version) {
        return new StalePostingAcknowledgmentRecorded(ORDER, "4500000001", version, 2, null, null, null, ERP_NA,
                NINE.plusSeconds(120));
    }
}
