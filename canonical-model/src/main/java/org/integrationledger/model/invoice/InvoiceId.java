package org.integrationledger.model.invoice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.integrationledger.model.shared.Checks;

import java.util.regex.Pattern;

/**
 * The id under which the submitting channel (procurement or e-invoicing) registers an invoice document; the
 * supplier's own invoice number is a separate field, because two suppliers may use the same number.
 */
public record InvoiceId(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @JsonCreator
    public InvoiceId {
        Checks.matching(value, "invoice id", SHAPE);
    }

    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
