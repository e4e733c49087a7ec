package org.integrationledger.model.shared;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Shape checks used by the compact constructors of the canonical model's records. */
public final class Checks {

    private Checks() {
    }

    public static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public static String text(String value, String name, int maxLength) {
        required(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** Drops trailing zeros (2.50 and 2.5 are one value), keeping integers at scale 0 rather than 1E+2. */
    public static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A number for a problem detail, in plain notation unless that would be long (1E+1000000 stays short). */
    public static String echo(BigDecimal value) {
        return value.precision() <= 40 && Math.abs(value.scale()) <= 40 ? value.toPlainString()
                : ContractLimits.echo(value.toString());
    }

    public static String matching(String value, String name, Pattern pattern) {
        required(value, name);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " '" + ContractLimits.echo(value) + "' does not match "
                    + pattern.pattern());
        }
        return value;
    }
}
