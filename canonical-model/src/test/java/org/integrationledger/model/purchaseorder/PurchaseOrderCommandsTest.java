package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape checks of purchase-order commands, which no connector can get past. */
class PurchaseOrderCommandsTest {

    private static final MessageId MESSAGE = MessageId.of("msg-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T09:00:00Z");
    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-4711");
    private static final PurchaseOrderLine BEARINGS = new PurchaseOrderLine(1, "Ball bearing 6204",
            Quantity.of("100", "EA"), UnitPrice.of("12.50", "USD"), true);

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> issue(List.of()))
                .withMessage("a purchase order needs at least one line");
    }

    @Test
    void anIssuedOrderKeepsItsLinesAsTheyWereSent() {
        List<PurchaseOrderLine> lines = new ArrayList<>(List.of(BEARINGS));
        IssuePurchaseOrder command = issue(lines);

        lines.clear();

        assertThat(command.lines()).containsExactly(BEARINGS);
    }

    @Test
    void anAmendmentIsVersionTwoOrLater() {
        assertThatIllegalArgumentException().isThrownBy(() -> amend(1))
                .withMessage("an amendment has version 2 or higher");
        assertThat(amend(2).version()).isEqualTo(2);
    }

    @Test
    void anErpAcknowledgesVersionOneOrLater() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AcknowledgePurchaseOrderPosting(MESSAGE,
                SystemId.of("ERP_NA"), MONDAY_9AM, ORDER, 0, "4500012345", null, null));
    }

    @Test
    void aGoodsReceiptNeedsAtLeastOneLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveGoods(MESSAGE, PROCUREMENT, MONDAY_9AM, ORDER,
                "GR-1", List.of()));
    }

    @Test
    void eachLineNumberAppearsOncePerOrderAmendmentAndReceipt() {
        PurchaseOrderLine housingsAsLineOne = new PurchaseOrderLine(1, "Bearing housing", Quantity.of("10", "EA"),
                UnitPrice.of("80.00", "USD"), true);
        List<PurchaseOrderLine> twice = List.of(BEARINGS, housingsAsLineOne);

        assertDuplicateLine(() -> issue(twice));
        assertDuplicateLine(() -> new AmendPurchaseOrder(MESSAGE, PROCUREMENT, MONDAY_9AM, ORDER, 2, twice,
                Money.of("2050.00", "USD"), "quantity change", null));
        assertDuplicateLine(() -> new ReceiveGoods(MESSAGE, PROCUREMENT, MONDAY_9AM, ORDER, "GR-1",
                List.of(new ReceiptLine(1, Quantity.of("1", "EA")), new ReceiptLine(1, Quantity.of("2", "EA")))));
    }

    @Test
    void lineNumbersStartAtOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PurchaseOrderLine(0, "Ball bearing 6204",
                Quantity.of("1", "EA"), UnitPrice.of("12.50", "USD"), true));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiptLine(0, Quantity.of("1", "EA")));
    }

    @Test
    void aLineAmountIsQuantityTimesUnitPrice() {
        assertThat(BEARINGS.amount()).isEqualTo(Money.of("1250.00", "USD"));
    }

    private static void assertDuplicateLine(Runnable command) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(ContractViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.DUPLICATE_LINE_NUMBER);
            assertThat(violation.pointer()).isEqualTo("/lines/1/lineNumber");
        });
    }

    private static IssuePurchaseOrder issue(List<PurchaseOrderLine> lines) {
        return new IssuePurchaseOrder(MESSAGE, PROCUREMENT, MONDAY_9AM, ORDER, SupplierId.of("SUP-4711"),
                LegalEntityId.of("US01"), "REQ-1", lines, Money.of("1250.00", "USD"));
    }

    private static AmendPurchaseOrder amend(int version) {
        return new AmendPurchaseOrder(MESSAGE, PROCUREMENT, MONDAY_9AM, ORDER, version, List.of(BEARINGS),
                Money.of("1250.00", "USD"), "quantity change", null);
    }
}
