package org.integrationledger.command.connector;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.UnsupportedCurrencyException;

/** Reads the currency of a connector request: a known ISO 4217 code that is money, or {@code 422 unsupported-currency}. */
public final class RequestCurrencies {

    private RequestCurrencies() {
    }

    /** @param field the request body's field the code came from, named in the refusal */
    public static CurrencyCode money(String code, String field) {
        try {
            return CurrencyCode.money(code);
        } catch (UnsupportedCurrencyException e) {
            throw new RuleViolation(ErrorCode.UNSUPPORTED_CURRENCY, "field " + field + ": " + e.getMessage()
                    + "; send the amount in an active currency");
        }
    }
}
