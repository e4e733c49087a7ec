package org.integrationledger.model.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Currency;

/** An ISO 4217 currency code; knows how many minor units an amount in it may have. */
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

    public int minorUnits() {
        return Math.max(Currency.getInstance(value).getDefaultFractionDigits(), 0);
    }

    @Override
    public String toString() {
        return value;
    }
}
