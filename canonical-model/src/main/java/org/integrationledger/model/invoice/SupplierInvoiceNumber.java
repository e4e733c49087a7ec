package org.integrationledger.model.invoice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.integrationledger.model.shared.Checks;

import java.util.Locale;

/** The number a supplier printed on its invoice, as written; {@link #normalized()} is the duplicate key. */
public record SupplierInvoiceNumber(@JsonValue String value) {

    @JsonCreator
    public SupplierInvoiceNumber {
        Checks.text(value, "supplier invoice number", 64);
        if (normalize(value).isEmpty()) {
            throw new IllegalArgumentException("supplier invoice number '" + value + "' has no letters or digits");
        }
    }

    public static SupplierInvoiceNumber of(String value) {
        return new SupplierInvoiceNumber(value);
    }

    /**
     * Upper case, letters and digits only, leading zeros of every digit group dropped: "inv-0042 /a" and
     * "INV42A" are one number (and "2026-001" is "20261"), because suppliers and scanning channels write
     * the same number both ways.
     */
    public String normalized() {
        return normalize(value);
    }

    private static String normalize(String raw) {
        // Zeros are dropped per digit group as written, so "2026-001" and "2026-1" stay one number.
        String withoutLeadingZeros = raw.toUpperCase(Locale.ROOT).replaceAll("(?<![0-9])0+(?=[0-9])", "");
        return withoutLeadingZeros.replaceAll("[^A-Z0-9]", "");
    }

    @Override
    public String toString() {
        return value;
    }
}
