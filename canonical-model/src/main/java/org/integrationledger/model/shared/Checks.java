package org.integrationledger.model.shared;

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

    public static String matching(String value, String name, Pattern pattern) {
        required(value, name);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " '" + value + "' does not match " + pattern.pattern());
        }
        return value;
    }
}
