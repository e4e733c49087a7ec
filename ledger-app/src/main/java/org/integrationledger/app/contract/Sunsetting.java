package org.integrationledger.app.contract;

import org.integrationledger.model.contract.DeprecatedOperation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One deprecated operation's dates and replacement, with the header values that announce them: {@code Deprecation}
 * as an RFC 9745 structured date ({@code @} and epoch seconds), {@code Sunset} as an RFC 8594 HTTP date.
 */
record Sunsetting(Instant since, Instant sunset, String replacement) {

    /** IMF-fixdate (RFC 9110): a two-digit day, which Java's RFC_1123_DATE_TIME leaves out for days below 10. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    Sunsetting {
        if (!sunset.isAfter(since)) {
            throw new IllegalArgumentException("a sunset must come after the deprecation: " + since + " / " + sunset);
        }
    }

    static Sunsetting of(DeprecatedOperation annotation) {
        try {
            return new Sunsetting(Instant.parse(annotation.since()), Instant.parse(annotation.sunset()),
                    annotation.replacement());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("@DeprecatedOperation needs ISO-8601 instants: " + e.getParsedString(),
                    e);
        }
    }

    String deprecationHeader() {
        return "@" + since.getEpochSecond();
    }

    String sunsetHeader() {
        return HTTP_DATE.format(sunset.atOffset(ZoneOffset.UTC));
    }

    String description() {
        return "Deprecated since " + since + " (Deprecation header) and removed after " + sunset
                + " (Sunset header). Instead: " + replacement;
    }
}
