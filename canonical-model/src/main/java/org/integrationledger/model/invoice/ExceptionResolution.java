package org.integrationledger.model.invoice;

/** How an invoice exception was closed: a connector sent corrected data, or an authorised approver overrode it. */
public enum ExceptionResolution {
    CORRECTED_DATA,
    OVERRIDE
}
