package org.integrationledger.model.invoice;

/** Where an invoice stands with the tax engine. */
public enum TaxStatus {
    PENDING,
    VALIDATED,
    FAILED,
    OVERRIDDEN
}
