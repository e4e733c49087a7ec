package org.integrationledger.model.shared;

import java.math.BigDecimal;

/**
 * An amount in one currency, never more precise than the currency's minor unit (2 for EUR, 0 for JPY).
 * Amounts are exact decimals; nothing in the ledger rounds money silently.
 */
public record Money(BigDecimal amount, CurrencyCode currency) {

    public Money {
        Checks.required(amount, "amount");
        Checks.required(currency, "currency");
        if (amount.stripTrailingZeros().scale() > currency.minorUnits()) {
            throw new IllegalArgumentException("amount " + Checks.echo(amount) + " has more decimals than "
                    + currency + " allows (" + currency.minorUnits() + ")");
        }
        amount = amount.setScale(currency.minorUnits());
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), CurrencyCode.of(currency));
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }

    @Override
    public String toString() {
        return Checks.echo(amount) + " " + currency;
    }
}
