package org.integrationledger.model.reconciliation;

/** The part a system plays for one document in the reconciliation view. */
public enum SystemRole {
    /** The system of record of the document: procurement for orders and invoices, the golden-record owner of a
     * supplier, treasury for a payment. */
    SOURCE,
    /** The system that requested a supplier before any golden record existed. */
    REQUESTER,
    /** The ERP an order or invoice is routed to, which must hold its current version. */
    ROUTED,
    /** A system a supplier's golden record is propagated to, which must acknowledge each version. */
    TARGET,
    /** The tax engine that validates an invoice. */
    TAX,
    /** Treasury, which pays an invoice. */
    TREASURY,
    /** Procurement, which must acknowledge a payment's confirmation. */
    CONFIRMATION,
    /** A system that reported on the document although it is neither its source nor where it is routed. */
    OTHER
}
