package org.integrationledger.model.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A legal entity / company code (US01, DE01, ...): decides the ERP and tax regime a document is routed to. */
public record LegalEntityId(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{2,12}");

    @JsonCreator
    public LegalEntityId {
        Checks.matching(value, "legal entity", SHAPE);
    }

    public static LegalEntityId of(String value) {
        return new LegalEntityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
