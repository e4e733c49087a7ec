package org.integrationledger.model.invoice;

/** An invoice exception is open until corrected data or an override resolves it. */
public enum ExceptionStatus {
    OPEN,
    RESOLVED
}
