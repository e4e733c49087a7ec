package org.integrationledger.query.representable;

/**
 * An event holds a value no view column can store (docs/architecture.md, "What a view can hold"). Thrown before any
 * SQL is sent, so the projection's handler fails on this event alone and its document can be parked.
 */
public class UnrepresentableValueException extends RuntimeException {

    private final String field;
    private final String value;
    private final String document;

    public UnrepresentableValueException(String field, String value, String document, String range) {
        super(document + ": " + field + " " + value + " cannot be stored in a view (" + range + ")");
        this.field = field;
        this.value = value;
        this.document = document;
    }

    /** Where in the event the value sits, e.g. {@code lines[0].unitPrice.amount}. */
    public String field() {
        return field;
    }

    /** The value, shortened when it is very long. */
    public String value() {
        return value;
    }

    /** The document the event belongs to, with the event's type. */
    public String document() {
        return document;
    }
}
