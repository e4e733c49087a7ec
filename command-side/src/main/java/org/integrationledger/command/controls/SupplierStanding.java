package org.integrationledger.command.controls;

/** Where a supplier stood on the golden record at an instant, as far as invoices and payments are concerned. */
public enum SupplierStanding {
    /** Requested, or its request rejected: nobody approved the supplier. */
    NOT_APPROVED,
    APPROVED,
    BLOCKED
}
