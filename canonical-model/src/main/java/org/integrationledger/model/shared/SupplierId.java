package org.integrationledger.model.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The procurement platform's id of a supplier, the key every system's copy of the supplier is matched on. */
public record SupplierId(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @JsonCreator
    public SupplierId {
        Checks.matching(value, "supplier id", SHAPE);
    }

    public static SupplierId of(String value) {
        return new SupplierId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
