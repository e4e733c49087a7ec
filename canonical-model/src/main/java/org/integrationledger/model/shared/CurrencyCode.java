package org.integrationledger.model.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Currency;
import java.util.Optional;

/**
 * An ISO 4217 currency code; knows how many minor units an amount in it may have. Any code Java knows is a
 * {@code CurrencyCode}, so a fact recorded in a code that is refused today still reads back from history; a new
 * fact goes through {@link #money(String)}, which refuses the codes in {@link RefusedCurrencies}.
 */
public record CurrencyCode(@JsonValue String value) {

    @JsonCreator
    public CurrencyCode {
        Checks.required(value, "currency");
        try {
            if (!Currency.getInstance(value).getCurrencyCode().equals(value)) {
                throw new IllegalArgumentException("currency '" + value + "' is not an ISO 4217 code");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + value + "' is not an ISO 4217 code");
        }
    }

    public static CurrencyCode of(String value) {
        return new CurrencyCode(value);
    }

    /**
     * The currency of a new amount: an active ISO 4217 currency that is money.
     *
     * @throws UnsupportedCurrencyException for a code that is known but refused (not money, a fund code, withdrawn)
     */
    public static CurrencyCode money(String value) {
        CurrencyCode code = new CurrencyCode(value);
        Optional<String> refusal = code.refusal();
        if (refusal.isPresent()) {
            throw new UnsupportedCurrencyException(code, refusal.get());
        }
        return code;
    }

    /** Why a new amount may not be in this currency, or empty when it may. */
    public Optional<String> refusal() {
        return RefusedCurrencies.reason(value);
    }

    public int minorUnits() {
        return Math.max(Currency.getInstance(value).getDefaultFractionDigits(), 0);
    }

    @Override
    public String toString() {
        return value;
    }
}
