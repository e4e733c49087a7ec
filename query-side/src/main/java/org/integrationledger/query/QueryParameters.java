package org.integrationledger.query;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the query API's text parameters (durations, instants, enum values), each failing with a message that
 * names the parameter and shows the expected form; the API answers it as a problem with a stable code.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Duration duration(String name, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO-8601 duration such as PT4H");
        }
    }

    public static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO-8601 instant such as "
                    + "2026-10-01T00:00:00Z");
        }
    }

    /** An enum constant by name, case-insensitive, dashes allowed for underscores. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
