package org.integrationledger.model.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "JPY", "BHD", "CHF", "GBP", "CAD", "XAF", "XOF", "XPF", "XCD", "XCG", "ZWG",
            "SLE", "VES"})
    void acceptsActiveCurrenciesAsMoney(String code) {
        assertThat(CurrencyCode.money(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"XXX, is not money", "XTS, is not money", "XAU, is not money", "XAG, is not money",
            "XPT, is not money", "XPD, is not money", "XDR, is not money", "XBA, is not money", "XSU, is not money",
            "XUA, is not money", "BOV, fund code", "CHE, fund code", "CHW, fund code", "CLF, fund code",
            "COU, fund code", "MXV, fund code", "USN, fund code", "UYI, fund code", "DEM, withdrawn",
            "HRK, withdrawn", "VEF, withdrawn", "USS, withdrawn", "ZWL, withdrawn"})
    void refusesCodesThatAreNotMoneyOnANewAmount(String code, String why) {
        assertThatThrownBy(() -> CurrencyCode.money(code))
                .isInstanceOf(UnsupportedCurrencyException.class)
                .hasMessageContaining("currency " + code)
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "DEM", "CLF"})
    void stillReadsARefusedCodeFromHistory(String code) {
        assertThat(CurrencyCode.of(code).refusal()).isPresent();
    }

    @Test
    void refusesEveryCodeJavaKnowsWithoutMinorUnits() {
        // Java marks units of account and metals with -1 fraction digits: none of them may slip through.
        Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() < 0)
                .forEach(currency -> assertThat(CurrencyCode.of(currency.getCurrencyCode()).refusal())
                        .as(currency.getCurrencyCode()).isPresent());
    }
}
