package org.integrationledger.model.accrual;

/**
 * Why the ERP's picture of an open purchase-order line can differ from procurement's, each proven by facts the
 * ledger recorded. Reasons that need facts the ledger does not receive (the ERP's own accrual figure) are not here;
 * docs/accruals.md lists them. New reasons go last: the variance totals are listed in this order.
 */
public enum VarianceReason {
    /** The ERP posted an invoice on the line that the ledger has not matched (as of the period end). */
    INVOICE_POSTED_UNMATCHED,
    /** The ERP holds an older version of the order, and the line's quantity or price changed since that version. */
    ERP_HOLDS_OLDER_ORDER_VERSION,
    /** A fact of the period (business time up to its end) was recorded after the period end: it came late. */
    LATE_FACT,
    /** An invoice on the line is in another currency than the order, so it cannot offset the receipt. */
    CURRENCY_MISMATCH,
    /**
     * Goods received on the line as of the period end whose receipt the routed ERP had not posted as of the period
     * end: the ERP's accrual lacks their amount.
     */
    RECEIPT_NOT_POSTED_IN_ERP,
    /**
     * An invoice on the line is billed to another legal entity than the order's: it is booked in that entity's ERP
     * books, so it does not offset this entity's receipt.
     */
    LEGAL_ENTITY_MISMATCH
}
