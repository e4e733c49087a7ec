package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Catalogue prices may be more precise than money; a line amount is rounded once, half-even, to the currency. */
class UnitPriceTest {

    @Test
    void acceptsSixDecimals() {
        assertThat(UnitPrice.of("0.123456", "USD").amount()).isEqualByComparingTo("0.123456");
    }

    @Test
    void rejectsSevenDecimals() {
        assertThatIllegalArgumentException().isThrownBy(() -> UnitPrice.of("0.1234567", "USD"))
                .withMessageContaining("more than 6 decimals");
    }

    @Test
    void rejectsANegativePrice() {
        assertThatIllegalArgumentException().isThrownBy(() -> UnitPrice.of("-0.01", "USD"))
                .withMessage("unit price must not be negative");
    }

    @Test
    void acceptsFreeOfCharge() {
        assertThat(UnitPrice.of("0", "EUR").times(Quantity.of("5", "EA"))).isEqualTo(Money.of("0", "EUR"));
    }

    @Test
    void requiresAnAmountAndACurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UnitPrice(null, CurrencyCode.of("USD")));
        assertThatIllegalArgumentException().isThrownBy(() -> new UnitPrice(BigDecimal.ONE, null));
    }

    @ParameterizedTest(name = "{0} x {1} {2} = {3}")
    @CsvSource({
            "100,   12.50,    USD, 1250.00",
            "1,     0.125,    USD, 0.12",
            "1,     0.135,    USD, 0.14",
            "3,     0.125,    USD, 0.38",
            "2.5,   3.333333, EUR, 8.33",
            "3,     33.5,     JPY, 100",
            "1,     0.0005,   BHD, 0.000",
            "1,     0.0015,   BHD, 0.002"})
    void roundsTheLineAmountHalfEvenToTheCurrency(String quantity, String price, String currency, String amount) {
        Money lineAmount = UnitPrice.of(price, currency).times(Quantity.of(quantity, "EA"));

        assertThat(lineAmount).isEqualTo(Money.of(amount, currency));
    }
}
