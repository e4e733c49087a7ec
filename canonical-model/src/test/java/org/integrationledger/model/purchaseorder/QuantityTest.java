package org.integrationledger.model.purchaseorder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Quantities are non-negative, at most three decimals, and only add up or compare within one unit. */
class QuantityTest {

    @Test
    void rejectsANegativeQuantity() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of("-1", "EA"))
                .withMessage("quantity must not be negative");
    }

    @Test
    void acceptsNothing() {
        assertThat(Quantity.of("0", "EA").value()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void acceptsThreeDecimals() {
        assertThat(Quantity.of("2.125", "KG").value()).isEqualByComparingTo("2.125");
        assertThat(Quantity.of("2.5000", "KG").value()).isEqualByComparingTo("2.5");
    }

    @Test
    void rejectsMoreThanThreeDecimals() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of("2.1255", "KG"))
                .withMessageContaining("more than 3 decimals");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "PALLETS_9"})
    void requiresAUnitOfMeasureOfAtMostEightCharacters(String unit) {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of("1", unit));
    }

    @Test
    void requiresAValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Quantity(null, "EA"))
                .withMessage("quantity is required");
    }

    @Test
    void addsQuantitiesOfTheSameUnit() {
        Quantity sum = Quantity.of("60", "EA").plus(Quantity.of("40.5", "EA"));

        assertThat(sum.value()).isEqualByComparingTo("100.5");
        assertThat(sum.unitOfMeasure()).isEqualTo("EA");
    }

    @Test
    void refusesToAddAnotherUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of("1", "EA").plus(Quantity.of("1", "BOX")));
    }

    @Test
    void exceedsOnlyWhenNumericallyLarger() {
        assertThat(Quantity.of("100.001", "EA").exceeds(Quantity.of("100", "EA"))).isTrue();
        assertThat(Quantity.of("100.000", "EA").exceeds(Quantity.of("100", "EA"))).isFalse();
        assertThat(Quantity.of("99.999", "EA").exceeds(Quantity.of("100", "EA"))).isFalse();
    }

    @Test
    void refusesToCompareAcrossUnits() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of("1", "EA").exceeds(Quantity.of("1", "KG")));
    }
}
