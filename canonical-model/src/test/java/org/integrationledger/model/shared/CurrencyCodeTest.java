package org.integrationledger.model.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A currency is an ISO 4217 code, and it knows how many minor units its amounts have. */
class CurrencyCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "JPY", "BHD", "CHF"})
    void acceptsIsoCodes(String code) {
        assertThat(CurrencyCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "Eur", "EURO", "US", "ABC", "$", " USD"})
    void rejectsWhatIsNotAnIsoCode(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> CurrencyCode.of(code))
                .withMessageContaining("is not an ISO 4217 code");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingCode(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> CurrencyCode.of(code));
    }

    @ParameterizedTest
    @CsvSource({"EUR, 2", "USD, 2", "JPY, 0", "KRW, 0", "BHD, 3", "KWD, 3", "XAU, 0"})
    void knowsItsMinorUnits(String code, int minorUnits) {
        assertThat(CurrencyCode.of(code).minorUnits()).isEqualTo(minorUnits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "JPY"})
    void printsAsItsCode(String code) {
        assertThat(CurrencyCode.of(code)).hasToString(code);
    }
}
