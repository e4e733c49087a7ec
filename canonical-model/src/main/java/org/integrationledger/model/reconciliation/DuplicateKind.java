package org.integrationledger.model.reconciliation;

/** How sure the ledger is that a document duplicates another. */
public enum DuplicateKind {
    /** The same tax id or the same supplier and invoice number: refused. */
    EXACT,
    /** The same supplier and amount under another number: accepted and raised as an exception. */
    SUSPECTED
}
