package org.integrationledger.command.purchaseorder;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/** The totals rule on its own: the stated total is the sum of the line amounts, each rounded as ERPs round it. */
class PurchaseOrderTotalsTest {

    @Test
    void acceptsATotalThatIsTheSumOfTheLines() {
        assertThatCode(() -> PurchaseOrderTotals.check(standardLines(), usd("2050")))
                .doesNotThrowAnyException();
    }

    @Test
    void roundsEachLineBeforeAddingThem() {
        // 3 x 0.125 = 0.375 -> 0.38 and 1 x 0.125 = 0.125 -> 0.12 (half-even), so 0.50; rounding the sum would not.
        List<PurchaseOrderLine> catalogueLines = List.of(
                line(1, "Washer M4", "3", "EA", "0.125", "USD"),
                line(2, "Washer M5", "1", "EA", "0.125", "USD"));

        assertThatCode(() -> PurchaseOrderTotals.check(catalogueLines, usd("0.50"))).doesNotThrowAnyException();
        assertViolation(() -> PurchaseOrderTotals.check(catalogueLines, usd("0.51")), ErrorCode.TOTAL_MISMATCH);
    }

    @Test
    void checksTotalsInCurrenciesWithoutMinorUnits() {
        List<PurchaseOrderLine> yenLines = List.of(line(1, "Ball bearing 6204", "3", "EA", "33.5", "JPY"));

        assertThatCode(() -> PurchaseOrderTotals.check(yenLines, Money.of("100", "JPY"))).doesNotThrowAnyException();
    }

    @Test
    void rejectsATotalOffByOneCent() {
        assertViolation(() -> PurchaseOrderTotals.check(standardLines(), usd("2049.99")), ErrorCode.TOTAL_MISMATCH);
    }


    @Test
    void rejectsALinePricedInAnotherCurrency() {
        List<PurchaseOrderLine> lines = List.of(bearings("100"), line(HOUSINGS, "Bearing housing", "10", "EA", "80.00",
                "CAD"));

        assertViolation(() -> PurchaseOrderTotals.check(lines, standardTotal()), ErrorCode.CURRENCY_MISMATCH);
    }

    private static void assertViolation(ThrowingCallable check, ErrorCode code) {
        assertThatThrownBy(check).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.rejection().code()).isEqualTo(code));
    }
}
