package org.integrationledger.model.shared;

/** A well-formed ISO 4217 code the ledger does not accept on a new amount; {@link #reason()} says why. */
public class UnsupportedCurrencyException extends IllegalArgumentException {

    private final transient CurrencyCode currency;
    private final String reason;

    public UnsupportedCurrencyException(CurrencyCode currency, String reason) {
        super("currency " + currency + " " + reason);
        this.currency = currency;
        this.reason = reason;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }
}
