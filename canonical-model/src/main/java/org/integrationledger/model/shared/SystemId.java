package org.integrationledger.model.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A system of record that reports to the ledger (PROCUREMENT, ERP_NA, ...). Which systems exist is
 * configuration, so this is a checked name rather than an enum.
 */
public record SystemId(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    @JsonCreator
    public SystemId {
        Checks.matching(value, "system id", SHAPE);
    }

    public static SystemId of(String value) {
        return new SystemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
