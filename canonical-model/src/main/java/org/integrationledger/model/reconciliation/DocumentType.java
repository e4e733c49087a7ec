package org.integrationledger.model.reconciliation;

/** The kinds of document the reconciliation view follows across systems. */
public enum DocumentType {
    SUPPLIER,
    PURCHASE_ORDER,
    INVOICE,
    PAYMENT
}
