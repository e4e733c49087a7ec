package org.integrationledger.query.accrual;

/** What one fact row says about a purchase-order line. */
enum FactKind {
    /** The line's ordered quantity and amount changed by the row's deltas (issue or amendment); price is the version's. */
    ORDERED,
    /** Goods received, valued at the order price in force when they arrived. */
    RECEIVED,
    /** An invoice billed the line (amount in the invoice's currency, {@code factCurrency}). */
    INVOICED,
    /** An invoice line became matched (three-way or two-way) in the ledger. */
    MATCHED,
    /** The ERP posted the invoice that bills the line. */
    INVOICE_POSTED_IN_ERP,
    /** The invoice billing the line is paid in full. */
    PAID,
    /** The routed ERP acknowledged {@code orderVersion} of the order; no quantity or amount. */
    ORDER_POSTED_IN_ERP,
    /**
     * The routed ERP posted the goods receipt numbered {@code reference} (its own document number stays on the
     * event); no quantity or amount. A receipt the routed ERP reported itself counts as posted without one.
     */
    RECEIPT_POSTED_IN_ERP,
    /**
     * An invoice billing the line is addressed to another legal entity than the order's, named in {@code reference};
     * quantity and amount are the invoice line's, for the explanation only (the INVOICED fact counts them).
     */
    BILLED_TO_OTHER_ENTITY
}
