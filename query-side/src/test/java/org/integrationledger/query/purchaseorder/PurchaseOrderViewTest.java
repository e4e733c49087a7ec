package org.integrationledger.query.purchaseorder;

import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The view row's own logic: where an order stands, and when procurement and ERP disagree. */
class PurchaseOrderViewTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

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
    void keepsTheLatestBusinessTimeWhenMessagesArriveOutOfOrder() {
        view.touched(NINE.plusSeconds(60), NINE.plusSeconds(120));
        view.touched(NINE, NINE.plusSeconds(180));

        assertThat(view.toSummary().lastBusinessTime()).isEqualTo(NINE.plusSeconds(60));
        assertThat(view.toSummary().lastRecordedAt()).isEqualTo(NINE.plusSeconds(180));
        assertThat(view.toSummary().eventCount()).isEqualTo(2);
    }
}
