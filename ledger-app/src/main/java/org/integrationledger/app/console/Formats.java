package org.integrationledger.app.console;

import org.integrationledger.model.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times, ages and amounts; the pages call it from their templates as {@code fmt}. */
public final class Formats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    Formats() {
    }

    /** An instant in UTC; the page's script shows it in the reader's time zone and keeps UTC on hover. */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** An age such as {@code 3d 4h}, {@code 2h 05m} or {@code 45s}, the two largest units only. */
    public static String age(Duration age) {
        if (age == null) {
            return "";
        }
        long seconds = Math.max(0, age.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + String.format("%02dm", minutes);
        }
        if (minutes > 0) {
            return minutes + "m " + String.format("%02ds", seconds % 60);
        }
        return seconds + "s";
    }

    /** The age from one instant to another, as {@link #age(Duration)} writes it; empty without a start. */
    public static String ageBetween(Instant from, Instant to) {
        return from == null || to == null ? "" : age(Duration.between(from, to));
    }

    /** An age given in whole seconds. */
    public static String ageSeconds(long seconds) {
        return age(Duration.ofSeconds(seconds));
    }

    /** An amount with its currency, e.g. {@code 2050.00 USD}. */
    public static String money(Money money) {
        return money == null ? "" : money.amount().toPlainString() + " " + money.currency();
    }

    /** Any value as text, empty for null (enums and typed ids by their {@code toString}). */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * The console URL of a document from its kind as the views name it: a reconciliation document type
     * ({@code PURCHASE_ORDER}) or an aggregate type ({@code PurchaseOrder}, as on SLA clocks).
     */
    public static String documentPath(String kind, String id) {
        String slug = kind == null ? "purchase-order"
                : kind.contains("_") || kind.equals(kind.toUpperCase(java.util.Locale.ROOT))
                ? kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : kind.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return "/console/documents/" + slug + "/" + id;
    }
}
