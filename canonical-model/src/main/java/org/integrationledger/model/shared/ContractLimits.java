package org.integrationledger.model.shared;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The limits every connector message is held to (docs/canonical-model.md, "Limits and refusals"). The numeric
 * limits are chosen so that the largest message the contract accepts fits every table it flows into: the
 * command side's lookups hold quantities as NUMERIC(19, 3), unit prices as NUMERIC(19, 6) and gross amounts as
 * NUMERIC(19, 4); thirteen integer digits fit all three. Checks read the text of a value before a
 * {@link BigDecimal} or {@link Instant} is built, so a hostile value ({@code 1e1000000}) costs no more than an
 * ordinary one.
 */
public final class ContractLimits {

    /** Integer digits of an amount, unit price or quantity: below 10,000,000,000,000. */
    public static final int MAX_INTEGER_DIGITS = 13;
    public static final int QUANTITY_SCALE = 3;
    public static final int UNIT_PRICE_SCALE = 6;
    /** The most decimals any amount column holds; the currency's minor unit (USD 2, JPY 0) is stricter. */
    public static final int AMOUNT_SCALE = 4;
    /** Lines of one order, amendment, goods receipt or invoice. */
    public static final int MAX_LINES = 1000;
    /** Object and array levels of a body; the contract itself nests at most three. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Characters of a field name; the contract's longest has 23, so a longer one cannot be a field of it. */
    public static final int MAX_FIELD_NAME_LENGTH = 64;
    /** Business times and dates lie in [1970-01-01T00:00:00Z, 2200-01-01T00:00:00Z). */
    public static final Instant EARLIEST_BUSINESS_TIME = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant END_OF_BUSINESS_TIME = Instant.parse("2200-01-01T00:00:00Z");

    /** Text of a decimal, with trailing zeros after the point: long enough for every valid value, no longer. */
    private static final int MAX_DECIMAL_TEXT = 48;
    private static final int MAX_TIME_TEXT = 64;
    /** JSON's number grammar without exponent: no sign but minus, no padding, no leading zeros. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Pattern TIME_START = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*", Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int ECHO_LENGTH = 40;

    private ContractLimits() {
    }

    /**
     * The decimal a text denotes, if it is a plain decimal (no exponent, no spaces) within the digit limits.
     *
     * @param maxScale decimals allowed, not counting trailing zeros (2.50 has one)
     */
    public static BigDecimal decimal(String text, String pointer, int maxIntegerDigits, int maxScale) {
        if (text.length() > MAX_DECIMAL_TEXT) {
            throw new ContractViolation(ErrorCode.NUMBER_OUT_OF_RANGE, pointer, "a number of at most "
                    + maxIntegerDigits + " integer digits and " + maxScale + " decimals is expected, got "
                    + text.length() + " characters");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new ContractViolation(ErrorCode.INVALID_NUMBER, pointer, "'" + echo(text) + "' is not a plain "
                    + "decimal such as 1250.50 (no exponent, no spaces, no plus sign, no leading zeros)");
        }
        int point = text.indexOf('.');
        int integerDigits = (point < 0 ? text.length() : point) - (text.startsWith("-") ? 1 : 0);
        int scale = point < 0 ? 0 : significantDecimals(text, point);
        if (integerDigits > maxIntegerDigits || scale > maxScale) {
            throw new ContractViolation(ErrorCode.NUMBER_OUT_OF_RANGE, pointer, "'" + echo(text) + "' has "
                    + integerDigits + " integer digits and " + scale + " decimals; at most " + maxIntegerDigits
                    + " and " + maxScale + " are allowed");
        }
        return new BigDecimal(text);
    }

    /** A business time: ISO-8601 text with an offset ({@code 2026-11-23T09:00:00Z}), within the window. */
    public static Instant businessTime(String text, String pointer) {
        if (text.length() > MAX_TIME_TEXT || !TIME_START.matcher(text).matches()) {
            throw invalidTime(text, pointer, "an ISO-8601 time with offset such as 2026-11-23T09:00:00Z");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw invalidTime(text, pointer, "an ISO-8601 time with offset such as 2026-11-23T09:00:00Z");
        }
        return withinWindow(time, pointer);
    }

    /** A business date: ISO-8601 text ({@code 2026-11-24}), within the window. */
    public static LocalDate businessDate(String text, String pointer) {
        if (!DATE.matcher(text).matches()) {
            throw invalidTime(text, pointer, "an ISO-8601 date such as 2026-11-24");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw invalidTime(text, pointer, "an ISO-8601 date such as 2026-11-24");
        }
        withinWindow(date.atStartOfDay().toInstant(ZoneOffset.UTC), pointer);
        return date;
    }

    public static Instant withinWindow(Instant time, String pointer) {
        if (time.isBefore(EARLIEST_BUSINESS_TIME) || !time.isBefore(END_OF_BUSINESS_TIME)) {
            throw new ContractViolation(ErrorCode.TIME_OUT_OF_RANGE, pointer, time + " is outside the business "
                    + "time window [" + EARLIEST_BUSINESS_TIME + ", " + END_OF_BUSINESS_TIME + ")");
        }
        return time;
    }

    /** At most {@link #MAX_LINES} lines, each line number once. */
    public static <T> void lines(List<T> lines, String pointer, ToIntFunction<T> lineNumber) {
        if (lines.size() > MAX_LINES) {
            throw new ContractViolation(ErrorCode.LIMIT_EXCEEDED, pointer, lines.size() + " lines; at most "
                    + MAX_LINES + " are allowed");
        }
        Map<Integer, Integer> positions = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = lineNumber.applyAsInt(lines.get(i));
            Integer first = positions.putIfAbsent(number, i);
            if (first != null) {
                throw new ContractViolation(ErrorCode.DUPLICATE_LINE_NUMBER, pointer + "/" + i + "/lineNumber",
                        "line number " + number + " appears twice (" + pointer + "/" + first + " and " + pointer
                                + "/" + i + ")");
            }
        }
    }

    /** A value that must not be negative (the contract has no credit notes). */
    public static Money notNegative(Money amount, String pointer) {
        if (amount.amount().signum() < 0) {
            throw new ContractViolation(ErrorCode.NUMBER_OUT_OF_RANGE, pointer, "must not be negative: the contract "
                    + "has no credit notes");
        }
        return amount;
    }

    /** A client's text for a problem detail: never more than a few dozen characters of it. */
    public static String echo(String text) {
        return text.length() <= ECHO_LENGTH ? text : text.substring(0, ECHO_LENGTH) + "...";
    }

    private static int significantDecimals(String text, int point) {
        int end = text.length();
        while (end > point + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return end - point - 1;
    }

    private static ContractViolation invalidTime(String text, String pointer, String expected) {
        return new ContractViolation(ErrorCode.INVALID_TIME, pointer, "'" + echo(text) + "' is not " + expected);
    }
}
