package org.integrationledger.command.purchaseorder;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/** The receipt rule on its own: against ordered lines, in their unit, never more than ordered in total. */
class ReceiptPolicyTest {

    private static final Map<Integer, PurchaseOrderLine> ORDERED = Map.of(
            BEARINGS, bearings("100"),
            HOUSINGS, housings("10"),
            INSTALLATION, installation("8"));

    @Test
    void addsAReceiptToWhatWasReceivedBefore() {
        Map<Integer, Quantity> after = ReceiptPolicy.receive(ORDERED, Map.of(BEARINGS, Quantity.of("60", "EA")),
                List.of(received(BEARINGS, "15.5", "EA"), received(HOUSINGS, "3", "EA")));

        assertThat(after.get(BEARINGS).value()).isEqualByComparingTo("75.5");
        assertThat(after.get(HOUSINGS).value()).isEqualByComparingTo("3");
    }

    @Test
    void leavesTheQuantitiesReceivedBeforeUntouched() {
        Map<Integer, Quantity> before = new HashMap<>(Map.of(BEARINGS, Quantity.of("60", "EA")));

        ReceiptPolicy.receive(ORDERED, before, List.of(received(BEARINGS, "40", "EA")));

        assertThat(before).containsExactly(Map.entry(BEARINGS, Quantity.of("60", "EA")));
    }

    @Test
    void acceptsReceivingExactlyWhatWasOrdered() {
        Map<Integer, Quantity> after = ReceiptPolicy.receive(ORDERED, Map.of(BEARINGS, Quantity.of("99.999", "EA")),
                List.of(received(BEARINGS, "0.001", "EA")));

        assertThat(after.get(BEARINGS).value()).isEqualByComparingTo("100");
    }

    @Test
    void namesTheSmallestUnitReceivedMoreThanOrdered() {
        Map<Integer, Quantity> after = ReceiptPolicy.receive(ORDERED, Map.of(BEARINGS, Quantity.of("100", "EA")),
                List.of(received(BEARINGS, "0.001", "EA")));

        assertThat(ReceiptPolicy.beyondOrder(ORDERED, after)).containsExactly(beyond(BEARINGS, "100", "100.001"));
    }

    @Test
    void countsTheSameLineTwiceInOneReceiptTowardsTheOrderedQuantity() {
        Map<Integer, Quantity> after = ReceiptPolicy.receive(ORDERED, Map.of(),
                List.of(received(BEARINGS, "60", "EA"), received(BEARINGS, "41", "EA")));

        assertThat(ReceiptPolicy.beyondOrder(ORDERED, after)).containsExactly(beyond(BEARINGS, "100", "101"));
    }

    @Test
    void namesALineTheOrderDoesNotHave() {
        Map<Integer, Quantity> after = ReceiptPolicy.receive(ORDERED, Map.of(), List.of(received(4, "1", "EA")));

        assertThat(ReceiptPolicy.beyondOrder(ORDERED, after)).containsExactly(beyond(4, null, "1"));
    }

    @Test
    void namesNothingWithinTheOrder() {
        assertThat(ReceiptPolicy.beyondOrder(ORDERED, Map.of(BEARINGS, Quantity.of("100", "EA"),
                HOUSINGS, Quantity.of("0", "EA")))).isEmpty();
    }

    @Test
    void rejectsAnotherUnitOfMeasure() {
        assertThatThrownBy(() -> ReceiptPolicy.receive(ORDERED, Map.of(), List.of(received(INSTALLATION, "480", "MIN"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rejection().code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void isFullyReceivedWhenEveryGoodsLineIsComplete() {
        assertThat(ReceiptPolicy.fullyReceived(ORDERED,
                Map.of(BEARINGS, Quantity.of("100", "EA"), HOUSINGS, Quantity.of("10.000", "EA")))).isTrue();
    }

    @Test
    void isNotFullyReceivedWhileAGoodsLineIsShort() {
        assertThat(ReceiptPolicy.fullyReceived(ORDERED,
                Map.of(BEARINGS, Quantity.of("100", "EA"), HOUSINGS, Quantity.of("9.999", "EA")))).isFalse();
    }

    @Test
    void isNotFullyReceivedWhileAGoodsLineHasNoReceiptAtAll() {
        assertThat(ReceiptPolicy.fullyReceived(ORDERED, Map.of(BEARINGS, Quantity.of("100", "EA")))).isFalse();
    }

    @Test
    void anOrderOfServicesOnlyNeedsNoReceipt() {
        assertThat(ReceiptPolicy.fullyReceived(Map.of(INSTALLATION, installation("8")), Map.of())).isTrue();
    }

    @Test
    void allowsAnAmendmentThatKeepsEveryLineAtOrAboveWhatWasReceived() {
        assertThatCode(() -> ReceiptPolicy.checkAmendment(List.of(bearings("60"), housings("10")),
                Map.of(BEARINGS, Quantity.of("60", "EA"), HOUSINGS, Quantity.of("2", "EA"))))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheLinesAnAmendmentOrdersBelowWhatWasReceivedOrDrops() {
        Map<Integer, PurchaseOrderLine> amended = Map.of(BEARINGS, bearings("59.999"));

        assertThat(ReceiptPolicy.beyondOrder(amended, Map.of(BEARINGS, Quantity.of("60", "EA"),
                HOUSINGS, Quantity.of("1", "EA"))))
                .containsExactly(beyond(BEARINGS, "59.999", "60"), beyond(HOUSINGS, null, "1"));
    }

    @Test
    void refusesAnAmendmentThatChangesTheUnitOfALineWithReceipts() {
        assertThatThrownBy(() -> ReceiptPolicy.checkAmendment(List.of(line(BEARINGS, "Ball bearing 6204", "100",
                        "BOX", "12.50", "USD")),
                Map.of(BEARINGS, Quantity.of("60", "EA"))))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.rejection().code())
                        .isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anAmendmentMayDropALineWithNothingReceived() {
        assertThatCode(() -> ReceiptPolicy.checkAmendment(List.of(bearings("100")),
                Map.of(HOUSINGS, Quantity.of("0", "EA"))))
                .doesNotThrowAnyException();
    }
}
