package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.Checks;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tax registration of a supplier (VAT, EIN, GST, ...) in one country. Two tax ids are the same registration
 * when their {@link #normalized()} forms are equal, whatever their case, spacing or country prefix.
 */
public record TaxId(String scheme, String country, String value) {

    private static final Pattern SCHEME = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public TaxId {
        Checks.matching(scheme, "tax id scheme", SCHEME);
        Checks.matching(country, "tax id country", COUNTRY);
        Checks.text(value, "tax id", 32);
        if (body(country, value).isEmpty()) {
            throw new IllegalArgumentException("tax id '" + value + "' has no letters or digits");
        }
    }

    /**
     * The registration's identity: country plus the upper-cased letters and digits without a leading country
     * prefix, so "de 123 456 789", "DE123456789" and "123456789" (country DE) are one registration. The scheme
     * is left out on purpose: one number registered under two schemes is still one supplier.
     */
    public String normalized() {
        return country + body(country, value);
    }

    private static String body(String country, String value) {
        String compact = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return compact.startsWith(country) && compact.length() > country.length()
                ? compact.substring(country.length()) : compact;
    }
}
