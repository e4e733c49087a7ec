package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Price of one unit; may be more precise than the currency (up to 6 decimals), as catalogue prices are. */
public record UnitPrice(BigDecimal amount, CurrencyCode currency) {

    public UnitPrice {
        Checks.required(amount, "unit price");
        Checks.required(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("unit price must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("unit price " + Checks.echo(amount) + " has more than 6 decimals");
        }
        // One value, one representation: a retry that writes 12.50 for 12.5 is the same message.
        amount = Checks.normalized(amount);
    }

    public static UnitPrice of(String amount, String currency) {
        return new UnitPrice(new BigDecimal(amount), CurrencyCode.of(currency));
    }

    /** Quantity times price, rounded half-even to the currency's minor unit, as ERPs compute line amounts. */
    public Money times(Quantity quantity) {
        BigDecimal exact = amount.multiply(quantity.value());
        return new Money(exact.setScale(currency.minorUnits(), RoundingMode.HALF_EVEN), currency);
    }
}
