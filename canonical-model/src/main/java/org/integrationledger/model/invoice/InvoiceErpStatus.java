package org.integrationledger.model.invoice;

/** Where an invoice stands in the ERP it is routed to. */
public enum InvoiceErpStatus {
    NOT_POSTED,
    POSTED,
    REJECTED
}
