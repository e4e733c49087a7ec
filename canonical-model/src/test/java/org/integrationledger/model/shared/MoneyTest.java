package org.integrationledger.model.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Money never carries more precision than its currency has, so nothing downstream rounds it silently. */
class MoneyTest {

    @Test
    void carriesExactlyTheMinorUnitsOfItsCurrency() {
        assertThat(Money.of("10", "USD").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("1500", "JPY").amount()).isEqualTo(new BigDecimal("1500"));
        assertThat(Money.of("1.5", "BHD").amount()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void theSameAmountWrittenDifferentlyIsTheSameMoney() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10.000", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("100.00", "JPY")).isEqualTo(Money.of("100", "JPY"));
    }

    @Test
    void theSameAmountInAnotherCurrencyIsOtherMoney() {
        assertThat(Money.of("10.00", "EUR")).isNotEqualTo(Money.of("10.00", "USD"));
    }

    @Test
    void rejectsMoreDecimalsThanTheCurrencyAllows() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("10.001", "USD"))
                .withMessageContaining("more decimals than USD allows (2)");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("99.5", "JPY"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("0.0001", "BHD"));
    }

    @Test
    void acceptsTheMostPreciseAmountTheCurrencyAllows() {
        assertThat(Money.of("0.01", "EUR").amount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.of("0.001", "BHD").amount()).isEqualTo(new BigDecimal("0.001"));
    }

    @Test
    void requiresAnAmountAndACurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(null, CurrencyCode.of("USD")))
                .withMessage("amount is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(BigDecimal.ONE, null))
                .withMessage("currency is required");
    }

    @Test
    void addsMoneyOfTheSameCurrency() {
        assertThat(Money.of("1250.00", "USD").plus(Money.of("800", "USD"))).isEqualTo(Money.of("2050.00", "USD"));
    }

    @Test
    void refusesToAddMoneyOfAnotherCurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .withMessage("cannot add EUR to USD");
    }

    @Test
    void zeroHasTheScaleOfItsCurrency() {
        assertThat(Money.zero(CurrencyCode.of("EUR")).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.zero(CurrencyCode.of("JPY")).amount()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void printsAsPlainAmountAndCurrency() {
        assertThat(Money.of("2050", "USD")).hasToString("2050.00 USD");
        assertThat(Money.of("1E+3", "JPY")).hasToString("1000 JPY");
    }
}
