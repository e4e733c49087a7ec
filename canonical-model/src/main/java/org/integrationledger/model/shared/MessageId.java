package org.integrationledger.model.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The connector's own id of one message; the same id sent again is the same message (idempotency key). */
public record MessageId(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    @JsonCreator
    public MessageId {
        Checks.matching(value, "message id", SHAPE);
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
